/**
 * The community boundaries drawn with ECharts from GET /api/regions/boundaries (no online tiles).
 * Loaded lazily: ECharts is downloaded only when a page shows this map.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { format, registerMap, use as registerParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useEChart } from '../../../components/use-echart';
import type { BoundaryCollection } from '../../regions/api/get-boundaries';

// Not a React hook: ECharts' tree-shaking registration, once per module.
registerParts([MapChart, TooltipComponent, CanvasRenderer]);

type GeoJsonInput = Parameters<typeof registerMap>[1];

/** Draws the boundaries; the highlighted region (if any) is filled with the primary colour. */
export default function CommunityMap({ boundaries, highlightId, label }: { boundaries: BoundaryCollection; highlightId?: string | null; label: string }) {
  const { token } = theme.useToken();
  const option = useMemo(() => {
    const features = boundaries.features.filter((f) => f.geometry);
    registerMap('shequ-communities', { type: 'FeatureCollection', features } as unknown as GeoJsonInput);
    return {
      // The formatter's result is HTML: region names are escaped (a name is data someone typed).
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => format.encodeHTML(p.name) },
      series: [
        {
          type: 'map',
          map: 'shequ-communities',
          roam: true,
          aspectScale: 0.86,
          label: { show: true, color: token.colorText, fontSize: token.fontSizeSM },
          itemStyle: { areaColor: token.colorPrimaryBg, borderColor: token.colorPrimaryBorderHover, borderWidth: 1 },
          emphasis: { label: { color: token.colorTextLightSolid }, itemStyle: { areaColor: token.colorPrimaryHover } },
          select: { disabled: true },
          data: features.map((f) => ({
            name: f.properties.name,
            value: 1,
            itemStyle: f.properties.id === highlightId ? { areaColor: token.colorPrimaryBgHover, borderColor: token.colorPrimary, borderWidth: 2 } : undefined,
          })),
        },
      ],
    };
  }, [boundaries, highlightId, token]);
  const box = useEChart(option);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height: 420 }} />;
}
