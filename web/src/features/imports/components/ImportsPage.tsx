import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  TreeSelect,
  Typography,
  Upload,
  theme,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { RegionNodeT } from '@shared/contracts/regions';
import type { ImportMappingProposal, ImportRowError, MappingTarget } from '@shared/contracts/imports';
import { useRegion } from '../../../app/region-context';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api';
import { useI18n, type Lang } from '../../../lib/i18n';
import { regionLabel } from '../../regions/region-label';
import { reportUrl, useImportJob, type ImportJobView } from '../api/get-import';
import { useImportTargets } from '../api/list-import-targets';
import { TEMPLATE_URL, useImports, type ImportJobSummary } from '../api/list-imports';
import { needsMapping, useUploadResidents, type UploadInput } from '../api/upload-residents';
import { useImportsT, type ImportsMessageKey } from '../messages';
import { MappingStep } from './MappingStep';

const ACCEPT = ['.xlsx', '.csv'];

interface CommunityNode {
  value: string;
  title: string;
  selectable: boolean;
  children: CommunityNode[];
}

/** The tree down to communities, only communities selectable. */
function communityTree(nodes: RegionNodeT[], lang: Lang): CommunityNode[] {
  return nodes
    .filter((n) => n.level !== 'grid')
    .map((n) => ({ value: n.id, title: regionLabel(n, lang), selectable: n.level === 'community', children: communityTree(n.children, lang) }));
}

/** Whether a community can be chosen in the tree. */
function hasCommunity(nodes: CommunityNode[]): boolean {
  return nodes.some((n) => n.selectable || hasCommunity(n.children));
}

/** The community of the header's region: itself, a grid's parent, or the only community below a street. */
function defaultCommunity(region: RegionNodeT | null, find: (id: string) => RegionNodeT | null): string | undefined {
  if (!region) return undefined;
  if (region.level === 'community') return region.id;
  if (region.level === 'grid') return region.parentId ?? undefined;
  const below: RegionNodeT[] = [];
  const walk = (n: RegionNodeT) => (n.level === 'community' ? below.push(n) : n.children.forEach(walk));
  walk(region);
  return below.length === 1 ? find(below[0].id)?.id : undefined;
}

/** 数据导入: template, upload (.xlsx/.csv) into a community, progress, result and the per-row error report. */
export function ImportsPage() {
  const t = useImportsT();
  const { lang } = useI18n();
  const { token } = theme.useToken();
  const { roots, region, findRegion } = useRegion();
  const [chosen, setChosen] = useState<string | undefined>();
  const treeData = useMemo(() => communityTree(roots, lang), [roots, lang]);
  // A grid worker's tree holds no community: the server names their grid's community and their grid.
  const gridScoped = roots.length > 0 && !hasCommunity(treeData);
  const targetsQuery = useImportTargets(gridScoped);
  const targets = targetsQuery.data?.items;
  const target = gridScoped ? (targets?.find((c) => c.id === chosen) ?? (targets?.length === 1 ? targets[0] : undefined)) : undefined;
  const communityId = gridScoped ? target?.id : (chosen ?? defaultCommunity(region, findRegion));
  const upload = useUploadResidents();
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A 待办 on the 工作台 opens its job (?job=…).
  const [jobId, setJobId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('job'));
  const job = useImportJob(jobId);
  const [chosenGridId, setDefaultGridId] = useState<string | undefined>();
  const community = communityId && !gridScoped ? findRegion(communityId) : null;
  const gridOptions = useMemo(
    () =>
      gridScoped
        ? (target?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))
        : (community?.children ?? []).filter((g) => g.level === 'grid').map((g) => ({ value: g.id, label: regionLabel(g, lang) })),
    [gridScoped, target, community, lang],
  );
  // A grid worker's rows go to their grid unless they choose another of theirs.
  const defaultGridId = chosenGridId ?? (gridScoped && gridOptions.length === 1 ? gridOptions[0].value : undefined);
  /** The file waiting in the mapping step, and the server's proposal for it. */
  const [pending, setPending] = useState<{ file: File; proposal: ImportMappingProposal } | null>(null);

  const explain = (err: Error) => {
    if (!isApiError(err)) return t('upload.failed', { message: err.message });
    if (err.status === 413) return t('upload.tooLarge', { message: err.message });
    if (err.status === 415) return t('upload.unsupported');
    if (err.status === 400) return t('upload.bad', { message: err.message });
    return t('upload.failed', { message: err.message });
  };

  const send = (file: File, extra: Pick<UploadInput, 'mapping' | 'saveMapping' | 'preview'> = {}) => {
    setProblem(null);
    setSending({ name: file.name, percent: 0 });
    upload.mutate(
      { file, communityId, defaultGridId, ...extra, onProgress: (percent) => setSending({ name: file.name, percent }) },
      {
        onSuccess: (result) => {
          if (needsMapping(result)) return setPending({ file, proposal: result });
          setPending(null);
          setJobId(result.jobId);
        },
        onError: (err) => setProblem(explain(err)),
        onSettled: () => setSending(null),
      },
    );
  };

  const start = (file: File) => {
    setProblem(null);
    if (!ACCEPT.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      setProblem(t('upload.wrongType'));
      return;
    }
    if (!communityId && roots.length > 0) {
      setProblem(t('upload.chooseCommunity'));
      return;
    }
    setJobId(null);
    send(file);
  };

  return (
    <>
      <PageHeader title={t('title')} />
      <Row gutter={[token.marginMD, token.marginMD]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless">
            <Steps
              orientation="vertical"
              current={jobId ? 3 : communityId ? 2 : 1}
              items={[
                {
                  title: t('step.template'),
                  content: (
                    <Space orientation="vertical" size={token.marginXS}>
                      <Typography.Text type="secondary">{t('step.templateDesc')}</Typography.Text>
                      <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} download>
                        {t('step.templateButton')}
                      </Button>
                    </Space>
                  ),
                },
                {
                  title: t('step.community'),
                  content: (
                    <Space orientation="vertical" size={token.marginXS} style={{ width: '100%' }}>
                      {gridScoped ? (
                        <Select
                          aria-label={t('step.community')}
                          options={(targets ?? []).map((c) => ({ value: c.id, label: c.name }))}
                          value={communityId}
                          loading={targetsQuery.isLoading}
                          status={targetsQuery.isError ? 'error' : undefined}
                          onChange={(v: string) => {
                            setChosen(v);
                            setDefaultGridId(undefined);
                          }}
                          placeholder={targetsQuery.isError ? targetsQuery.error.message : t('step.communityPlaceholder')}
                          style={{ width: '100%', maxWidth: 320 }}
                        />
                      ) : (
                        <TreeSelect
                          aria-label={t('step.community')}
                          treeData={treeData}
                          value={communityId}
                          onChange={(v: string) => {
                            setChosen(v);
                            setDefaultGridId(undefined);
                          }}
                          placeholder={t('step.communityPlaceholder')}
                          treeDefaultExpandAll
                          showSearch={{ treeNodeFilterProp: 'title' }}
                          style={{ width: '100%', maxWidth: 320 }}
                        />
                      )}
                      <Typography.Text type="secondary">{t(gridScoped ? 'step.gridScoped' : 'step.communityDesc')}</Typography.Text>
                      <Select
                        aria-label={t('step.defaultGrid')}
                        placeholder={t('step.defaultGrid')}
                        allowClear
                        options={gridOptions}
                        value={defaultGridId}
                        onChange={(v?: string) => setDefaultGridId(v)}
                        disabled={!communityId}
                        style={{ width: '100%', maxWidth: 320 }}
                      />
                      <Typography.Text type="secondary">{t('step.defaultGridDesc')}</Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('step.upload'),
                  content: (
                    <Space orientation="vertical" size={token.marginSM} style={{ width: '100%' }}>
                      <Upload.Dragger
                        accept={ACCEPT.join(',')}
                        multiple={false}
                        showUploadList={false}
                        disabled={upload.isPending}
                        beforeUpload={(file) => {
                          start(file);
                          return Upload.LIST_IGNORE;
                        }}
                      >
                        <p className="ant-upload-drag-icon">
                          <InboxOutlined />
                        </p>
                        <p className="ant-upload-text">{t('upload.hint')}</p>
                        <p className="ant-upload-hint">{t('upload.types')}</p>
                      </Upload.Dragger>
                      {sending && (
                        <div>
                          <Typography.Text>{t('upload.sending', { name: sending.name })}</Typography.Text>
                          <Progress percent={sending.percent} status="active" />
                        </div>
                      )}
                      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {pending ? (
            <MappingStep
              key={pending.file.name + pending.proposal.columns.map((c) => c.key).join('|')}
              proposal={pending.proposal}
              busy={upload.isPending}
              onPreview={(mapping: Record<string, MappingTarget>) => send(pending.file, { mapping, preview: true })}
              onImport={(mapping, save) => send(pending.file, { mapping, saveMapping: save })}
              onCancel={() => setPending(null)}
            />
          ) : jobId && job.data ? (
            <JobResult job={job.data} />
          ) : job.isError ? (
            <Alert type="error" showIcon title={job.error.message} />
          ) : (
            <RecentImports onView={setJobId} />
          )}
          {jobId && (
            <div style={{ marginTop: token.marginMD }}>
              <RecentImports onView={setJobId} current={jobId} />
            </div>
          )}
        </Col>
      </Row>
    </>
  );
}

function StatusTag({ status }: { status: string }) {
  const t = useImportsT();
  const colour = status === 'done' ? 'success' : status === 'failed' ? 'error' : 'processing';
  return <Tag color={colour}>{t(`status.${status}` as ImportsMessageKey)}</Tag>;
}

/** Progress while the job runs, then the counts, the first problems and the report link. */
function JobResult({ job }: { job: ImportJobView }) {
  const t = useImportsT();
  const { token } = theme.useToken();
  const running = job.status === 'queued' || job.status === 'running';
  const percent = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  const columns: TableColumnsType<ImportRowError> = [
    { title: t('err.row'), dataIndex: 'row', key: 'row', width: 70 },
    { title: t('err.field'), dataIndex: 'field', key: 'field', width: 110, render: (v: string) => v || '—' },
    { title: t('err.message'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <Card variant="borderless" title={t('job.title', { name: job.fileName })} extra={<StatusTag status={job.status} />} aria-live="polite">
      <Progress
        percent={job.status === 'done' ? 100 : percent}
        status={running ? 'active' : job.status === 'failed' ? 'exception' : job.failed ? 'normal' : 'success'}
        aria-label={running ? t('job.running', { done: job.processedRows, total: job.totalRows }) : t(job.status === 'failed' ? 'job.failed' : 'job.done')}
      />
      <Typography.Paragraph type="secondary">
        {job.status === 'queued'
          ? t('job.queued')
          : running
            ? t('job.running', { done: job.processedRows, total: job.totalRows })
            : t(job.status === 'failed' ? 'job.failed' : 'job.done')}{' '}
        · {t('job.total', { n: job.totalRows })}
      </Typography.Paragraph>
      {job.status === 'failed' && job.failureCode && (
        <Alert
          type="error"
          showIcon
          title={job.failureCode === 'INTERRUPTED' ? t('job.interrupted', { done: job.processedRows }) : t('job.failureCode', { code: job.failureCode })}
          style={{ marginBottom: token.marginMD }}
        />
      )}
      <Row gutter={token.marginMD} style={{ marginBottom: token.marginMD }}>
        <Col span={5}>
          <Statistic title={t('job.created')} value={job.created} styles={{ content: { color: token.colorSuccess } }} />
        </Col>
        <Col span={5}>
          <Statistic title={t('job.updated')} value={job.updated} styles={{ content: { color: token.colorPrimary } }} />
        </Col>
        <Col span={5}>
          <Statistic title={t('job.unchanged')} value={job.unchanged} />
        </Col>
        <Col span={4}>
          <Statistic title={t('job.careRecords')} value={job.careRecords} />
        </Col>
        <Col span={5}>
          <Statistic title={t('job.failedRows')} value={job.failed} styles={{ content: { color: job.failed ? token.colorError : undefined } }} />
        </Col>
      </Row>
      {!running && job.hasReport && (
        <Flex align="center" gap={token.marginSM} wrap style={{ marginBottom: token.marginMD }}>
          <Button type="primary" icon={<DownloadOutlined />} href={reportUrl(job.id)} download>
            {t('job.report')}
          </Button>
          <Typography.Text type="secondary">{t('job.reportHint')}</Typography.Text>
        </Flex>
      )}
      {!running &&
        (job.errors.length ? (
          <>
            <Typography.Title level={2} style={{ fontSize: token.fontSize }}>
              {t('job.errors', { n: job.errors.length })}
            </Typography.Title>
            <Table<ImportRowError>
              rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
              size="small"
              columns={columns}
              dataSource={job.errors}
              pagination={job.errors.length > 10 ? { pageSize: 10 } : false}
            />
          </>
        ) : (
          job.status === 'done' && <Alert type="success" showIcon title={t('job.allGood')} />
        ))}
      {!running && job.warnings.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: token.fontSize, marginTop: token.marginMD }}>
            {t('job.warnings', { n: job.warnings.length })}
          </Typography.Title>
          {job.warnings.some((w) => w.code === 'grid_unplaced') && (
            <Alert
              type="info"
              showIcon
              title={t('job.unplaced')}
              action={<Link to="/residents?unplaced=true">{t('job.unplacedOpen')}</Link>}
              style={{ marginBottom: token.marginSM }}
            />
          )}
          <Table<ImportRowError>
            rowKey={(e) => `${e.row}:${e.field}:${e.code}:${e.message}`}
            size="small"
            columns={columns}
            dataSource={job.warnings}
            pagination={job.warnings.length > 10 ? { pageSize: 10 } : false}
          />
        </>
      )}
    </Card>
  );
}

function RecentImports({ onView, current }: { onView: (id: string) => void; current?: string }) {
  const t = useImportsT();
  const { lang } = useI18n();
  const jobs = useImports();
  const columns: TableColumnsType<ImportJobSummary> = [
    { title: t('recent.file'), dataIndex: 'fileName', key: 'file', ellipsis: true },
    { title: t('recent.at'), dataIndex: 'createdAt', key: 'at', width: 170, render: (v: string) => new Date(v).toLocaleString(lang) },
    { title: t('recent.status'), dataIndex: 'status', key: 'status', width: 90, render: (v: string) => <StatusTag status={v} /> },
    {
      title: t('recent.result'),
      key: 'result',
      render: (_, j) => t('recent.resultText', { created: j.created, updated: j.updated, unchanged: j.unchanged, failed: j.failed }),
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, j) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={j.id === current} onClick={() => onView(j.id)}>
            {t('recent.view')}
          </Button>
          {j.hasReport && <Button type="link" size="small" href={reportUrl(j.id)} download aria-label={t('job.report')} icon={<DownloadOutlined />} />}
        </Space>
      ),
    },
  ];
  return (
    <Card variant="borderless" title={t('recent.title')} size="small">
      <Table<ImportJobSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={jobs.data?.items}
        loading={jobs.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={jobs.isError ? jobs.error.message : t('recent.empty')} /> }}
        scroll={{ x: 640 }}
      />
    </Card>
  );
}
