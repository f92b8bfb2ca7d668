import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** What a click on a chart item carries (its datum). */
export interface EChartClick {
  data?: unknown;
}

/**
 * An ECharts instance on a div: created on mount, resized with its box, disposed on unmount, and given
 * `option` (replacing the previous one) whenever it changes; `onClick` (the latest one) hears clicks on
 * items. The caller registers the chart types it uses.
 */
export function useEChart(option: EChartsCoreOption, onClick?: (item: EChartClick) => void) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  });
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return box;
}
