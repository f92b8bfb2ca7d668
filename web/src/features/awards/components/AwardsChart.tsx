/** The amounts per community as an ECharts bar chart (loaded lazily with the round's page). */
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEcharts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useEffect, useRef } from 'react';

registerEcharts([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export default function AwardsChart({ data, ariaLabel }: { data: { label: string; value: number }[]; ariaLabel: string }) {
  const { token } = theme.useToken();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
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
      },
      true,
    );
  }, [data, token]);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 260 }} />;
}
