interface Sale {
  region: string;
  amountCents: number;
  refunded: boolean;
  at: Date;
}

export function weeklyReport(sales: Sale[], weekStart: Date): string {
  const weekEnd = new Date(weekStart.getTime() + 7 * 24 * 3600 * 1000);
  const inRange = sales.filter((s) => s.at >= weekStart && s.at < weekEnd && !s.refunded);
  const byRegion = new Map<string, number>();
  for (const sale of inRange) byRegion.set(sale.region, (byRegion.get(sale.region) ?? 0) + sale.amountCents);
  const rows = [...byRegion].sort((a, b) => b[1] - a[1]).map(([region, cents]) => `${region}: ${(cents / 100).toFixed(2)}`);
  const total = inRange.reduce((sum, s) => sum + s.amountCents, 0);
  return [`Week of ${weekStart.toISOString().slice(0, 10)}`, ...rows, `Total: ${(total / 100).toFixed(2)}`].join('\n');
}

export function monthlyReport(sales: Sale[], monthStart: Date): string {
  const monthEnd = new Date(monthStart.getTime() + 30 * 24 * 3600 * 1000); // expect: duplicate-code:3
  const inMonth = sales.filter((s) => s.at >= monthStart && s.at < monthEnd && !s.refunded);
  const perRegion = new Map<string, number>();
  for (const sale of inMonth) perRegion.set(sale.region, (perRegion.get(sale.region) ?? 0) + sale.amountCents);
  const lines = [...perRegion].sort((a, b) => b[1] - a[1]).map(([region, cents]) => `${region}: ${(cents / 100).toFixed(2)}`);
  const sum = inMonth.reduce((acc, s) => acc + s.amountCents, 0);
  return [`Month of ${monthStart.toISOString().slice(0, 7)}`, ...lines, `Total: ${(sum / 100).toFixed(2)}`].join('\n');
}
