// Balances → the chart of one product's available balance over the last 7, 30
// or 90 days, from the readings the console stored. The amounts are turned
// into numbers here only to place points; every amount shown in words or in
// the tooltip is the decimal string as stored.
import { useEffect, useId, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChannelResult } from '../../../../preload/contract';
import { callApi } from '../../api/momo-client';
import { useStores } from '../../stores/app-stores';
import { formatWhen, groupAmount, PRODUCT_NAMES, type Product } from './balance-card';

type History = ChannelResult<'getBalanceHistory'>;
type Point = { t: number; value: number; at: string; available: string };

const RANGES = [7, 30, 90] as const;
const WIDTH = 720;
const HEIGHT = 260;
const DAY = 24 * 60 * 60 * 1000;

/** Up to five evenly spaced times across the readings (one when there is a single reading). */
function timeTicks(points: Point[]): number[] {
  const first = points[0]?.t;
  const last = points[points.length - 1]?.t;
  if (first === undefined || last === undefined) return [];
  if (last === first) return [first];
  const steps = 4;
  return Array.from({ length: steps + 1 }, (_, i) => Math.round(first + ((last - first) * i) / steps));
}

function tickLabel(span: number) {
  return (t: number) => new Date(t).toLocaleString('en-GB', span <= 2 * DAY ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short' });
}

export function BalanceChart({ stamp }: { /** Changes whenever new readings may have been stored: the history is read again. */ stamp: string }) {
  const { api, errors } = useStores();
  const id = useId();
  const [product, setProduct] = useState<Product>('disbursement');
  const [days, setDays] = useState<number>(30);
  const [history, setHistory] = useState<History | null>(null);

  useEffect(() => {
    let current = true;
    callApi(api, 'getBalanceHistory', { product, days })
      .then((next) => {
        if (current) setHistory(next);
      })
      .catch((error: unknown) => {
        if (current) errors.getState().report(error);
      });
    return () => {
      current = false;
    };
  }, [api, errors, product, days, stamp]);

  const shown = history !== null && history.product === product ? history : null;
  const points: Point[] = (shown?.points ?? [])
    .map((point) => ({ t: Date.parse(point.at), value: Number(point.available), at: point.at, available: point.available }))
    .filter((point) => Number.isFinite(point.t) && Number.isFinite(point.value))
    .sort((a, b) => a.t - b.t);
  const first = points[0];
  const last = points[points.length - 1];
  const currency = shown?.currency ?? '';
  const name = PRODUCT_NAMES[product];

  return (
    <section className="card balance-chart" aria-labelledby={`${id}-title`}>
      <div className="balance-chart__header">
        <h2 id={`${id}-title`}>Balance history</h2>
        <label className="field field--inline">
          <span>Product</span>
          <select value={product} onChange={(event) => setProduct(event.target.value as Product)}>
            {(Object.keys(PRODUCT_NAMES) as Product[]).map((key) => (
              <option key={key} value={key}>
                {PRODUCT_NAMES[key]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>Range</span>
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {RANGES.map((range) => (
              <option key={range} value={range}>
                Last {range} days
              </option>
            ))}
          </select>
        </label>
      </div>
      <figure className="balance-chart__figure" aria-label="Balance over time">
        <figcaption>
          {name} available balance over the last {days} days{currency ? ` (${currency})` : ''}
          {shown === null
            ? ': loading…'
            : first && last
              ? `: ${points.length} ${points.length === 1 ? 'reading' : 'readings'}, from ${groupAmount(first.available)} on ${formatWhen(first.at)} to ${groupAmount(last.available)} on ${formatWhen(last.at)}.`
              : '.'}
        </figcaption>
        {shown !== null && points.length === 0 ? (
          <p className="balance-chart__empty muted">
            No {name.toLowerCase()} balance readings in the last {days} days. Readings are stored each time the balances are read.
          </p>
        ) : (
          points.length > 0 && (
            <LineChart width={WIDTH} height={HEIGHT} data={points} margin={{ top: 10, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#dde1e8" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                ticks={timeTicks(points)}
                tickFormatter={tickLabel((last?.t ?? 0) - (first?.t ?? 0))}
                stroke="#5b6476"
                fontSize={12}
              />
              <YAxis width={90} tickFormatter={(value: number) => value.toLocaleString('en-US')} stroke="#5b6476" fontSize={12} />
              <Tooltip
                separator=": "
                formatter={(_value, _name, item) => {
                  const point = item.payload as Point | undefined;
                  return [point ? `${groupAmount(point.available)} ${currency}` : '', 'Available'];
                }}
                labelFormatter={(_label, payload) => {
                  const point = payload[0]?.payload as Point | undefined;
                  return point ? formatWhen(point.at) : '';
                }}
              />
              <Line type="linear" dataKey="value" name="Available" stroke="#004f71" strokeWidth={2} dot={points.length <= 60} isAnimationActive={false} />
            </LineChart>
          )
        )}
      </figure>
    </section>
  );
}
