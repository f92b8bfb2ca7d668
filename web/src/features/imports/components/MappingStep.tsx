import { Alert, Button, Card, Checkbox, Flex, Select, Table, Tag, Typography, theme, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportColumnProposal, ImportMappingProposal, MappingTarget } from '@shared/contracts/imports';
import { useImportsT, type ImportsMessageKey } from '../messages';

type PreviewRow = ImportMappingProposal['preview'][number];

/** The mapping the proposal starts from: its guess, unknown columns not imported until chosen. */
export function initialMapping(p: ImportMappingProposal): Record<string, MappingTarget> {
  return Object.fromEntries(p.columns.map((c) => [c.key, c.guess ?? 'ignore']));
}

/**
 * The mapping step: the sheet's columns beside the system's fields with the guess preselected, the
 * columns that will not be imported listed, a preview of the first rows as they will be stored, "save
 * this mapping", then import.
 */
export function MappingStep({
  proposal,
  busy,
  onPreview,
  onImport,
  onCancel,
}: {
  proposal: ImportMappingProposal;
  busy: boolean;
  onPreview: (mapping: Record<string, MappingTarget>) => void;
  onImport: (mapping: Record<string, MappingTarget>, save: boolean) => void;
  onCancel: () => void;
}) {
  const t = useImportsT();
  const { token } = theme.useToken();
  const [mapping, setMapping] = useState<Record<string, MappingTarget>>(() => initialMapping(proposal));
  const [save, setSave] = useState(true);
  const labels = useMemo(() => Object.fromEntries(proposal.fields.map((f) => [f.field, f.label])) as Record<string, string>, [proposal.fields]);
  const options = useMemo(
    () => [...proposal.fields.map((f) => ({ value: f.field, label: f.required ? `${f.label} *` : f.label })), { value: 'ignore', label: t('map.ignore') }],
    [proposal.fields, t],
  );

  const used = Object.entries(mapping).filter(([, v]) => v !== 'ignore');
  const twice = used.filter(([, v], i) => used.findIndex(([, w]) => w === v) !== i).map(([k]) => k);
  const missing = proposal.fields.filter((f) => f.required && !used.some(([, v]) => v === f.field)).map((f) => f.label);
  const ignored = proposal.columns.filter((c) => mapping[c.key] === 'ignore').map((c) => c.key);

  const columns: TableColumnsType<ImportColumnProposal> = [
    { title: t('map.column'), dataIndex: 'header', key: 'header', render: (_, c) => c.header || c.key },
    {
      title: t('map.samples'),
      key: 'samples',
      ellipsis: true,
      render: (_, c) => <Typography.Text type="secondary">{c.samples.join(' / ') || '—'}</Typography.Text>,
    },
    {
      title: t('map.status'),
      key: 'status',
      width: 96,
      render: (_, c) => (
        <Tag color={c.status === 'known' ? 'success' : c.status === 'guessed' ? 'processing' : 'warning'}>
          {t(`map.status.${c.status}` as ImportsMessageKey)}
        </Tag>
      ),
    },
    {
      title: t('map.field'),
      key: 'field',
      width: 200,
      render: (_, c) => (
        <Select<MappingTarget>
          aria-label={t('map.fieldOf', { column: c.key })}
          value={mapping[c.key]}
          options={options}
          status={twice.includes(c.key) ? 'error' : undefined}
          onChange={(v) => setMapping((m) => ({ ...m, [c.key]: v }))}
          style={{ width: '100%' }}
        />
      ),
    },
  ];

  // 网格 is shown even without a column: the server places the rows by building or the default grid.
  const shown = proposal.fields.filter((f) => f.field === 'grid' || used.some(([, v]) => v === f.field)).map((f) => f.field);
  const previewColumns: TableColumnsType<PreviewRow> = [
    { title: t('err.row'), dataIndex: 'row', key: 'row', width: 60, fixed: 'left' },
    ...shown.map((f) => ({ title: labels[f], key: f, render: (_: unknown, r: PreviewRow) => r.values[f] ?? '' })),
    {
      title: t('map.problems'),
      key: 'problems',
      render: (_, r) =>
        r.problems.length ? (
          <Typography.Text type="danger">{r.problems.join('；')}</Typography.Text>
        ) : r.warnings.length ? (
          <Typography.Text type="warning">{r.warnings.join('；')}</Typography.Text>
        ) : (
          <Typography.Text type="success">{t('map.ok')}</Typography.Text>
        ),
    },
  ];

  const blocked = missing.length > 0 || twice.length > 0;
  return (
    <Card
      variant="borderless"
      title={t('map.title', { row: proposal.headerRow, total: proposal.totalRows })}
      aria-label={t('map.title', { row: proposal.headerRow, total: proposal.totalRows })}
    >
      <Typography.Paragraph type="secondary">{t(proposal.saved ? 'map.savedHint' : 'map.hint')}</Typography.Paragraph>
      <Table<ImportColumnProposal>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={proposal.columns}
        pagination={false}
        style={{ marginBottom: token.marginMD }}
      />
      {missing.length > 0 && <Alert type="error" showIcon title={t('map.missing', { fields: missing.join('、') })} style={{ marginBottom: token.marginSM }} />}
      {twice.length > 0 && <Alert type="error" showIcon title={t('map.twice', { columns: twice.join('、') })} style={{ marginBottom: token.marginSM }} />}
      {ignored.length > 0 && (
        <Alert type="warning" showIcon title={t('map.ignored', { columns: ignored.join('、') })} style={{ marginBottom: token.marginSM }} />
      )}
      <Flex align="center" justify="space-between" wrap gap={token.marginSM} style={{ margin: `${token.marginMD}px 0 ${token.marginXS}px` }}>
        <Typography.Title level={2} style={{ fontSize: token.fontSize, margin: 0 }}>
          {t('map.preview')}
        </Typography.Title>
        <Button size="small" onClick={() => onPreview(mapping)} disabled={busy || blocked}>
          {t('map.refresh')}
        </Button>
      </Flex>
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        columns={previewColumns}
        dataSource={proposal.preview}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label={t('map.preview')}
      />
      <Flex align="center" justify="space-between" wrap gap={token.marginSM} style={{ marginTop: token.marginMD }}>
        <Checkbox checked={save} onChange={(e) => setSave(e.target.checked)}>
          {t('map.save')}
        </Checkbox>
        <Flex gap={token.marginSM}>
          <Button onClick={onCancel} disabled={busy}>
            {t('map.cancel')}
          </Button>
          <Button type="primary" onClick={() => onImport(mapping, save)} loading={busy} disabled={blocked}>
            {t('map.import', { total: proposal.totalRows })}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
