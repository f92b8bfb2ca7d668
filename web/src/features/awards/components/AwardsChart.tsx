/** The amounts per community as an ECharts bar chart (loaded lazily with the round's page). */
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';

registerEcharts([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export default function AwardsChart({ data, ariaLabel }: { data: { label: string; value: number }[]; ariaLabel: string }) {
  const { token } = theme.useToken();
  const option = useMemo(
    () => ({
      textStyle: { fontFamily: token.fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.label),
        axisLabel: { color: token.colorTextSecondary, interval: 0, rotate: data.length > 5 ? 30 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { color: token.colorTextSecondary }, splitLine: { lineStyle: { color: token.colorBorderSecondary } } },
      series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: token.colorPrimary }, barMaxWidth: 36 }],
    }),
    [data, token],
  );
  const box = useEChart(option);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 260 }} />;
}
