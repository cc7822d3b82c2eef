// The Payouts area's state: the batch being prepared, its rows fetched page by
// page as the table scrolls (100,000 rows never sit in the renderer at once),
// the balance check and the approval.
import { createStore } from 'zustand/vanilla';
import type { BatchRowView, BatchSummaryView, ChannelResult, EventPayload } from '../../../preload/contract';
import { callApi, type MomoApi } from '../api/momo-client';

export type RowFilter = 'all' | 'valid' | 'invalid' | 'warning';
const PAGE_SIZE = 200;

export interface PayoutsState {
  summary: BatchSummaryView | null;
  balance: ChannelResult<'getBatchBalance'> | null;
  filter: RowFilter;
  total: number;
  /** Rows by position in the current filter; pages arrive as the table scrolls. */
  rows: Map<number, BatchRowView>;
  busy: 'reading' | 'checking' | 'approving' | 'checking-holders' | 'starting' | null;
  holderCheck: EventPayload<'accountCheckProgress'> | null;
  run: EventPayload<'batchProgress'> | null;
  batches: ChannelResult<'listBatches'>;
  loadBatches(): Promise<void>;
  openBatch(batchId: string): Promise<void>;
  startRun(operation: 'transfer' | 'deposit-v1' | 'deposit-v2'): Promise<void>;
  controlRun(action: 'pause' | 'resume' | 'cancel'): Promise<void>;
  report(failedOnly: boolean): Promise<ChannelResult<'getBatchReport'> | null>;
  retryFailed(): Promise<void>;
  checkNow(rowIndex: number): Promise<void>;
  importFile(file: { name: string; bytes: ArrayBuffer }): Promise<void>;
  setFilter(filter: RowFilter): Promise<void>;
  ensureRows(from: number, to: number): Promise<void>;
  approve(input: { typedTotal: string; confirmName?: string; acknowledged: string[] }): Promise<boolean>;
  exportInvalid(): Promise<ChannelResult<'exportInvalidRows'> | null>;
  checkHolders(): Promise<void>;
  template(): Promise<ChannelResult<'getPayoutTemplate'> | null>;
}

export function createPayoutsStore(api: MomoApi, reportError: (error: unknown) => void) {
  const loading = new Set<string>();
  return createStore<PayoutsState>()((set, get) => {
    /** Runs a call; a failure goes to the error surface and gives null. */
    const reported = async <T>(work: () => Promise<T>): Promise<T | null> => {
      try {
        return await work();
      } catch (error) {
        reportError(error);
        return null;
      }
    };
    /** The same, about the open batch; nothing happens when none is open. */
    const withBatch = <T>(work: (batchId: string) => Promise<T>): Promise<T | null> => {
      const batchId = get().summary?.batchId;
      return batchId ? reported(() => work(batchId)) : Promise.resolve(null);
    };
    /** Busy while `work` runs, whatever it ends in. */
    const busyWith = async <T>(busy: NonNullable<PayoutsState['busy']>, work: () => Promise<T>): Promise<T> => {
      set({ busy });
      try {
        return await work();
      } finally {
        set({ busy: null });
      }
    };
    const loadPage = async (page: number, again = false) => {
      const { summary, filter } = get();
      if (!summary) return;
      const key = `${summary.batchId}:${filter}:${page}`;
      if (loading.has(key) && !again) return;
      loading.add(key);
      try {
        const result = await callApi(api, 'getBatchRows', { batchId: summary.batchId, filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
        if (get().summary?.batchId !== summary.batchId || get().filter !== filter) return;
        const rows = new Map(get().rows);
        result.rows.forEach((row, i) => rows.set(page * PAGE_SIZE + i, row));
        set({ rows, total: result.total });
      } catch (error) {
        loading.delete(key);
        reportError(error);
      }
    };
    /** Fetches again the pages already on hand, so the rows on screen show what changed in main. */
    const reloadLoadedPages = () => {
      const { summary, filter } = get();
      if (!summary) return;
      const prefix = `${summary.batchId}:${filter}:`;
      for (const key of loading) if (key.startsWith(prefix)) void loadPage(Number(key.slice(prefix.length)), true);
    };
    const refreshBalance = (batchId: string) => reported(async () => set({ balance: await callApi(api, 'getBatchBalance', { batchId }) }));
    /** Makes `summary` the open batch: its first page of rows and its balance check. */
    const show = async (summary: BatchSummaryView, run: PayoutsState['run']) => {
      loading.clear();
      set({ summary, run, filter: 'all', rows: new Map(), total: summary.rows, balance: null, holderCheck: null });
      await Promise.all([loadPage(0), refreshBalance(summary.batchId)]);
    };
    // Progress of the open batch's run, as main pushes it; the rows on screen are fetched again at most once a second.
    let lastRefresh = 0;
    api.onBatchProgress((progress) => {
      if (progress.batchId !== get().summary?.batchId) return;
      set({ run: progress });
      if (Date.now() - lastRefresh < 1000 && progress.state === 'running') return;
      lastRefresh = Date.now();
      reloadLoadedPages();
    });
    return {
      summary: null,
      balance: null,
      filter: 'all',
      total: 0,
      rows: new Map(),
      busy: null,
      holderCheck: null,
      run: null,
      batches: [],
      async loadBatches() {
        await reported(async () => set({ batches: await callApi(api, 'listBatches', {}) }));
      },
      async openBatch(batchId) {
        await reported(async () => {
          const [summary, run] = await Promise.all([callApi(api, 'getBatchSummary', { batchId }), callApi(api, 'getBatchRun', { batchId })]);
          await show(summary, run);
        });
      },
      async startRun(operation) {
        if (!get().summary) return;
        await busyWith('starting', () => withBatch(async (batchId) => set({ run: await callApi(api, 'startBatchRun', { batchId, operation }) })));
      },
      async controlRun(action) {
        const channel = action === 'pause' ? 'pauseBatchRun' : action === 'resume' ? 'resumeBatchRun' : 'cancelBatchRun';
        await withBatch(async (batchId) => set({ run: await callApi(api, channel, { batchId }) }));
      },
      report: (failedOnly) => withBatch((batchId) => callApi(api, 'getBatchReport', { batchId, failedOnly })),
      async checkNow(rowIndex) {
        await withBatch(async (batchId) => {
          set({ run: await callApi(api, 'checkPaymentNow', { batchId, rowIndex }) });
          reloadLoadedPages();
        });
      },
      async retryFailed() {
        const retry = await withBatch((batchId) => callApi(api, 'retryFailedRows', { batchId }));
        if (retry) await get().openBatch(retry.batchId);
      },
      async checkHolders() {
        const batchId = get().summary?.batchId;
        if (!batchId) return;
        set({ holderCheck: null });
        const stop = api.onAccountCheckProgress((progress) => {
          if (progress.batchId === batchId) set({ holderCheck: progress });
        });
        try {
          await busyWith('checking-holders', () =>
            reported(async () => {
              set({ holderCheck: await callApi(api, 'checkAccountHolders', { batchId }) });
              // The table shows each row's answer: fetch the pages again.
              loading.clear();
              set({ rows: new Map() });
              await loadPage(0);
            }),
          );
        } finally {
          stop();
        }
      },
      async importFile(file) {
        await busyWith('reading', () =>
          reported(async () => {
            const contentBase64 = toBase64(new Uint8Array(file.bytes));
            set({ busy: 'checking' });
            await show(await callApi(api, 'importPayoutFile', { fileName: file.name, contentBase64 }), null);
          }),
        );
      },
      async setFilter(filter) {
        loading.clear();
        set({ filter, rows: new Map(), total: 0 });
        await loadPage(0);
      },
      async ensureRows(from, to) {
        const first = Math.floor(from / PAGE_SIZE);
        const last = Math.floor(Math.max(from, to) / PAGE_SIZE);
        const pages = [];
        for (let page = first; page <= last; page += 1) if (!get().rows.has(page * PAGE_SIZE)) pages.push(loadPage(page));
        await Promise.all(pages);
      },
      async approve(input) {
        if (!get().summary) return false;
        const approved = await busyWith('approving', () => withBatch((batchId) => callApi(api, 'approveBatch', { batchId, ...input })));
        if (approved) set({ summary: approved });
        return approved !== null;
      },
      exportInvalid: () => withBatch((batchId) => callApi(api, 'exportInvalidRows', { batchId })),
      template: () => reported(() => callApi(api, 'getPayoutTemplate', {})),
    };
  });
}

/** Base64 in slices, so a 20 MB file does not blow the argument limit of String.fromCharCode. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
