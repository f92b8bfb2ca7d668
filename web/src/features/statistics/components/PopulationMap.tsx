/**
 * The community boundaries (GET /api/regions/boundaries) coloured by registered residents, with a
 * visualMap legend. Loaded lazily with ECharts.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { format, registerMap, use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';
import type { BoundaryCollection } from '../../regions/api/get-boundaries';

registerEcharts([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type GeoJsonInput = Parameters<typeof registerMap>[1];

export interface PopulationMapProps {
  boundaries: BoundaryCollection;
  /** Residents per community id. */
  counts: Map<string, number>;
  people: string;
  ariaLabel: string;
}

export default function PopulationMap({ boundaries, counts, people, ariaLabel }: PopulationMapProps) {
  const { token } = theme.useToken();
  const option = useMemo(() => {
    // Only the communities of the chosen region are drawn.
    const features = boundaries.features.filter((f) => f.geometry && counts.has(f.properties.id));
    registerMap('shequ-population', { type: 'FeatureCollection', features } as unknown as GeoJsonInput);
    const values = features.map((f) => counts.get(f.properties.id) ?? 0);
    const max = Math.max(1, ...values);
    // One community alone is compared with zero.
    const min = values.length > 1 ? Math.min(max - 1, ...values) : 0;
    return {
      textStyle: { fontFamily: token.fontFamily },
      // The formatter's result is HTML: region names are escaped (a name is data someone typed).
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value?: number }) => `${format.encodeHTML(p.name)}<br/>${(p.value ?? 0).toLocaleString()} ${people}`,
      },
      visualMap: {
        type: 'continuous',
        min,
        max,
        left: 8,
        bottom: 8,
        calculable: false,
        text: [String(max), String(min)],
        textStyle: { color: token.colorTextSecondary },
        inRange: { color: [token.colorPrimaryBg, token.colorPrimaryBorderHover, token.colorPrimary] },
      },
      series: [
        {
          type: 'map',
          map: 'shequ-population',
          roam: true,
          aspectScale: 0.86,
          label: { show: true, color: token.colorText, fontSize: token.fontSizeSM, textBorderColor: token.colorBgContainer, textBorderWidth: 2 },
          itemStyle: { borderColor: token.colorBgContainer, borderWidth: 1.5 },
          emphasis: { label: { color: token.colorText }, itemStyle: { areaColor: token.colorWarningBorder } },
          select: { disabled: true },
          data: features.map((f) => ({ name: f.properties.name, value: counts.get(f.properties.id) ?? 0 })),
        },
      ],
    };
  }, [boundaries, counts, people, token]);
  const box = useEChart(option);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 460 }} />;
}
