import type { ReactNode } from 'react';

export function AreaPage({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <section className="area-page" aria-labelledby="area-title">
      <header className="area-page__header">
        <h1 id="area-title">{title}</h1>
        <p>{summary}</p>
      </header>
      {children}
    </section>
  );
}
