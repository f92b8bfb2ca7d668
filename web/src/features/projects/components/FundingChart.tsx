/** A small ECharts bar chart of a project's money by source (loaded lazily with the detail page). */
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';

registerEcharts([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export default function FundingChart({ data, ariaLabel }: { data: { label: string; value: number }[]; ariaLabel: string }) {
  const { token } = theme.useToken();
  const option = useMemo(
    () => ({
      textStyle: { fontFamily: token.fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toLocaleString() },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: data.map((d) => d.label), inverse: true, axisLabel: { color: token.colorTextSecondary } },
      xAxis: {
        type: 'value',
        axisLabel: { color: token.colorTextSecondary },
        splitLine: { lineStyle: { color: token.colorBorderSecondary } },
      },
      series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: token.colorPrimary }, barMaxWidth: 24 }],
    }),
    [data, token],
  );
  const box = useEChart(option);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: Math.max(120, data.length * 40 + 40) }} />;
}
