/**
 * The population pyramid (ECharts bar chart: men to the left, women to the right, 5-year bands, youngest
 * at the bottom). Loaded lazily so that ECharts is downloaded only with the statistics page.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';
import type { OverviewResponse } from '@shared/contracts/statistics';

registerEcharts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface PyramidProps {
  bands: OverviewResponse['pyramid'];
  labels: { male: string; female: string; age: string; people: string };
  ariaLabel: string;
}

export default function PopulationPyramid({ bands, labels, ariaLabel }: PyramidProps) {
  const { token } = theme.useToken();
  const option = useMemo(() => {
    // A symmetric axis rounded up to a readable step (23 → 25, 1,840 → 2,000).
    const peak = Math.max(1, ...bands.map((b) => Math.max(b.male, b.female)));
    const step = Math.max(1, 10 ** Math.floor(Math.log10(peak)) / 2);
    const max = Math.ceil(peak / step) * step;
    return {
      textStyle: { fontFamily: token.fontFamily },
      legend: { data: [labels.male, labels.female], top: 0, textStyle: { color: token.colorText } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { axisValueLabel: string; seriesName: string; value: number; marker: string }[]) =>
          [`${labels.age} ${params[0]?.axisValueLabel ?? ''}`, ...params.map((p) => `${p.marker}${p.seriesName} ${Math.abs(p.value)} ${labels.people}`)].join(
            '<br/>',
          ),
      },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        min: -max,
        max,
        axisLabel: { formatter: (v: number) => String(Math.abs(v)), color: token.colorTextSecondary },
        splitLine: { lineStyle: { color: token.colorBorderSecondary } },
      },
      yAxis: { type: 'category', data: bands.map((b) => b.band), axisTick: { show: false }, axisLabel: { color: token.colorTextSecondary } },
      series: [
        { name: labels.male, type: 'bar', stack: 'people', data: bands.map((b) => -b.male), itemStyle: { color: token.colorPrimary }, barCategoryGap: '15%' },
        { name: labels.female, type: 'bar', stack: 'people', data: bands.map((b) => b.female), itemStyle: { color: token.magenta5 ?? '#eb2f96' } },
      ],
    };
  }, [bands, labels, token]);
  const box = useEChart(option);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 460 }} />;
}
