import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msisdn, startHarness, type Harness } from '../../support/sandbox-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ completeAfterMs: 10 });
});
afterAll(() => h.close());

async function preApprove(payer: string) {
  const referenceId = randomUUID();
  expect((await h.call('POST', '/collection/v2_0/preapproval', { referenceId, body: { payer: msisdn(payer), payerCurrency: 'EUR', payerMessage: 'Monthly plan', validityTime: 600 } })).status).toBe(202);
  return referenceId;
}
const list = async (payer: string) => (await (await h.call('GET', `/collection/v1_0/preapprovals/msisdn/${payer}`)).json()) as { preApprovalId: string; status: string; fromFri: string }[];

describe('approved pre-approvals', () => {
  it('lists a payer\'s approved pre-approvals once they are final, and cancels one', async () => {
    const first = await preApprove('256772700001');
    const second = await preApprove('256772700001');
    await preApprove('256772700002');
    expect(await list('256772700001')).toEqual([]);
    h.clock.advance(10);
    await h.call('GET', `/collection/v2_0/preapproval/${first}`);
    const approved = await list('256772700001');
    expect(approved.map((p) => p.preApprovalId).sort()).toEqual([first, second].sort());
    expect(approved[0]).toMatchObject({ status: 'APPROVED', fromFri: 'FRI:256772700001/MSISDN', fromCurrency: 'EUR', message: 'Monthly plan' });

    expect((await h.call('DELETE', `/collection/v1_0/preapproval/${first}`)).status).toBe(200);
    expect((await list('256772700001')).map((p) => p.preApprovalId)).toEqual([second]);
    expect((await h.call('DELETE', `/collection/v1_0/preapproval/${first}`)).status).toBe(404);
    expect((await h.call('DELETE', `/collection/v1_0/preapproval/${randomUUID()}`)).status).toBe(404);
    expect((await h.call('DELETE', '/collection/v1_0/preapproval/nope')).status).toBe(400);
  });

  it('never lists a rejected pre-approval', async () => {
    await preApprove('46733123451');
    h.clock.advance(10);
    expect(await list('46733123451')).toEqual([]);
    expect((await h.call('GET', '/collection/v1_0/preapprovals/passport/1')).status).toBe(400);
  });
});
