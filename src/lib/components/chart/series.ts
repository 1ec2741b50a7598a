/** What a chart shows, independent of Chart.js: one label per point and one or more series. */
export interface ChartSeries {
	label: string;
	values: number[];
	/** Drawn as a line over bars (a mixed chart), or as the chart's own type. */
	line?: boolean;
	/** Dashed, for a reference such as the straight line to a target. */
	dashed?: boolean;
}

export interface ChartData {
	labels: string[];
	series: ChartSeries[];
}

/** Colours with at least 3:1 contrast on white (WCAG non-text contrast). */
export const PALETTE = [
	'#1f5f8b',
	'#b45309',
	'#1e6b3a',
	'#7c3aed',
	'#b42318',
	'#0f766e',
	'#6b7280',
	'#a21caf'
];

/** Rows of the data table that stands for the chart: one per label, one cell per series. */
export function tableRows(data: ChartData, format: (n: number) => string): string[][] {
	return data.labels.map((label, i) => [
		label,
		...data.series.map((s) => {
			const v = s.values[i];
			return v === undefined || !Number.isFinite(v) ? '' : format(v);
		})
	]);
}
