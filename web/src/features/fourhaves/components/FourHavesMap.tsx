/**
 * The 四有 status on the city's own map (GET /api/regions/boundaries; no online tiles), coloured by one
 * have; the tooltip gives the reason and a click opens the community's records behind the colour.
 * Loaded lazily with ECharts.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { registerMap, use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { theme } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useEChart } from '../../../components/use-echart';
import type { BoundaryCollection } from '../../regions/api/get-boundaries';
import type { FourHavesRow } from '../api/four-haves';
import { drillDownLink, fourHavesMapData, tooltipHtml, type HaveKey, type MapDatum } from './four-haves-map';

registerEcharts([MapChart, TooltipComponent, CanvasRenderer]);

type GeoJsonInput = Parameters<typeof registerMap>[1];

export interface FourHavesMapProps {
  boundaries: BoundaryCollection;
  rows: FourHavesRow[];
  have: HaveKey;
  haveLabel: string;
  statusLabel: (s: 'green' | 'amber' | 'red') => string;
  ariaLabel: string;
}

export default function FourHavesMap({ boundaries, rows, have, haveLabel, statusLabel, ariaLabel }: FourHavesMapProps) {
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const option = useMemo(() => {
    const { features, data } = fourHavesMapData(boundaries, rows, have, {
      green: token.colorSuccessBorder,
      amber: token.colorWarningBorder,
      red: token.colorErrorBorder,
      none: token.colorFillSecondary,
    });
    registerMap('shequ-four-haves', { type: 'FeatureCollection', features } as unknown as GeoJsonInput);
    return {
      textStyle: { fontFamily: token.fontFamily },
      tooltip: {
        trigger: 'item',
        confine: true,
        extraCssText: 'max-width: 320px;',
        formatter: (p: { data?: MapDatum }) => (p.data ? tooltipHtml(p.data, statusLabel, haveLabel) : ''),
      },
      series: [
        {
          type: 'map',
          map: 'shequ-four-haves',
          // The features are joined on their id: two communities may share a name.
          nameProperty: 'id',
          roam: true,
          aspectScale: 0.86,
          cursor: 'pointer',
          label: {
            show: true,
            color: token.colorText,
            fontSize: token.fontSizeSM,
            textBorderColor: token.colorBgContainer,
            textBorderWidth: 2,
            formatter: (p: { data?: MapDatum }) => (p.data ? `${p.data.communityName}\n${p.data.status ? statusLabel(p.data.status) : ''}` : ''),
          },
          itemStyle: { borderColor: token.colorBgContainer, borderWidth: 1.5 },
          emphasis: { label: { color: token.colorText }, itemStyle: { borderColor: token.colorPrimary, borderWidth: 2 } },
          select: { disabled: true },
          data,
        },
      ],
    };
  }, [boundaries, rows, have, haveLabel, statusLabel, token]);
  const box = useEChart(option, (p) => {
    const id = (p.data as MapDatum | undefined)?.name;
    if (id) navigate(drillDownLink(id, have));
  });

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 460 }} />;
}
