import type { Chart as ChartClass } from 'chart.js';

/**
 * Chart.js, loaded on first use only (pages without charts never download it), with just the
 * controllers and elements Rapport draws: bars, lines and doughnuts.
 */
let loading: Promise<typeof ChartClass> | null = null;

export function loadChart(): Promise<typeof ChartClass> {
	loading ??= import('chart.js').then((m) => {
		m.Chart.register(
			m.BarController,
			m.BarElement,
			m.LineController,
			m.LineElement,
			m.PointElement,
			m.DoughnutController,
			m.ArcElement,
			m.CategoryScale,
			m.LinearScale,
			m.Legend,
			m.Tooltip,
			m.Filler
		);
		return m.Chart;
	});
	return loading;
}
