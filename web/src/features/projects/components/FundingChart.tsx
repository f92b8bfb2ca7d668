/** A small ECharts bar chart of a project's money by source (loaded lazily with the detail page). */
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEcharts, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useEffect, useRef } from 'react';

registerEcharts([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export default function FundingChart({ data, ariaLabel }: { data: { label: string; value: number }[]; ariaLabel: string }) {
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
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => v.toLocaleString() },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        yAxis: { type: 'category', data: data.map((d) => d.label), inverse: true, axisLabel: { color: token.colorTextSecondary } },
        xAxis: {
          type: 'value',
          axisLabel: { color: token.colorTextSecondary },
          splitLine: { lineStyle: { color: token.colorBorderSecondary } },
        },
        series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: token.colorPrimary }, barMaxWidth: 24 }],
      },
      true,
    );
  }, [data, token]);
  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: Math.max(120, data.length * 40 + 40) }} />;
}
