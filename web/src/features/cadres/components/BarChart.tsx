/** A small ECharts bar chart (loaded lazily with the staffing page). */
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';

registerEcharts([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export default function BarChart({ data, ariaLabel, unit }: { data: { label: string; value: number }[]; ariaLabel: string; unit: string }) {
  const { token } = theme.useToken();
  const option = useMemo(
    () => ({
      textStyle: { fontFamily: token.fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} ${unit}` },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((d) => d.label), axisLabel: { color: token.colorTextSecondary, interval: 0 } },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: token.colorTextSecondary },
        splitLine: { lineStyle: { color: token.colorBorderSecondary } },
      },
      series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: token.colorPrimary }, barMaxWidth: 36 }],
    }),
    [data, token, unit],
  );
  const box = useEChart(option);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 240 }} />;
}
