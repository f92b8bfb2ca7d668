import { Alert, Button, Card, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useFourHaves, usePreviewAwards } from '../api/four-haves';
import { useFourHavesT } from '../messages';
import { PageHeader } from '../../../components/PageHeader';

/** 以奖代补 preview: the pot shared by scores (the communities in scope, scores typed in by inspection). */
export function AwardPreviewPage() {
  const t = useFourHavesT();
  const communities = useFourHaves();
  const preview = usePreviewAwards();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [form] = Form.useForm<{ pot: number; floorScore: number; maxShare?: number }>();
  const items = useMemo(() => communities.data?.items ?? [], [communities.data]);
  useEffect(() => {
    if (items.length && Object.keys(scores).length === 0) setScores(Object.fromEntries(items.map((c) => [c.communityId, 80])));
  }, [items, scores]);
  const nameOf = new Map(items.map((c) => [c.communityId, c.name]));
  const run = async () => {
    const v = await form.validateFields();
    preview.mutate({ ...v, maxShare: v.maxShare ?? undefined, communities: items.map((c) => ({ id: c.communityId, score: scores[c.communityId] ?? 0 })) });
  };
  const result = new Map(preview.data?.items.map((i) => [i.id, i]) ?? []);
  return (
    <>
      <PageHeader title={t('award.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('award.hint')}</Typography.Paragraph>
        <Form form={form} layout="inline" initialValues={{ pot: 300000, floorScore: 60, maxShare: 0.2 }} style={{ marginBottom: 16 }}>
          <Form.Item name="pot" label={t('award.pot')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="floorScore" label={t('award.floor')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="maxShare" label={t('award.maxShare')}>
            <InputNumber min={0.01} max={1} step={0.05} />
          </Form.Item>
          <Button type="primary" onClick={run} loading={preview.isPending}>
            {t('award.preview')}
          </Button>
        </Form>
        {preview.error && <Alert type="error" showIcon message={(preview.error as Error).message} style={{ marginBottom: 12 }} />}
        <Table
          rowKey="communityId"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: t('col.community'), dataIndex: 'name', key: 'name', width: 110 },
            {
              title: t('award.score'),
              key: 'score',
              width: 120,
              render: (_, c) => (
                <InputNumber
                  aria-label={`${nameOf.get(c.communityId)} ${t('award.score')}`}
                  min={0}
                  max={100}
                  value={scores[c.communityId]}
                  onChange={(v) => setScores((s) => ({ ...s, [c.communityId]: v ?? 0 }))}
                />
              ),
            },
            {
              title: t('award.amount'),
              key: 'amount',
              width: 140,
              align: 'right',
              render: (_, c) => result.get(c.communityId)?.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) ?? '—',
            },
            { title: t('award.reason'), key: 'reason', render: (_, c) => result.get(c.communityId)?.reason ?? '' },
          ]}
          footer={() => preview.data && <Space>{t('award.total', { total: preview.data.total.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) })}</Space>}
        />
      </Card>
    </>
  );
}
