import { DeleteOutlined, FileOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Image, List, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { PREMISES_FILE_TYPES } from '@shared/domain/premises-files';
import { premisesFileUrl, useDeletePremisesFile, usePremisesFiles, useUploadPremisesFile, type PremisesFileView } from '../api/premises-files';
import { useFourHavesT } from '../messages';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The photos (thumbnails) and documents (a list) of one premises row, with an upload area for writers. */
export function PremisesFiles({ premisesId, premisesName, canWrite }: { premisesId: string; premisesName: string; canWrite: boolean }) {
  const t = useFourHavesT();
  const { message, modal } = App.useApp();
  const files = usePremisesFiles(premisesId);
  const upload = useUploadPremisesFile(premisesId);
  const remove = useDeletePremisesFile(premisesId);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = files.data?.items ?? [];
  const photos = items.filter((f) => f.kind === 'photo');
  const documents = items.filter((f) => f.kind === 'document');
  const maxBytes = files.data?.maxBytes;

  const confirmDelete = (f: PremisesFileView) =>
    modal.confirm({
      title: t('files.deleteConfirm', { name: f.fileName }),
      okText: t('files.delete'),
      okButtonProps: { danger: true },
      cancelText: t('premises.cancel'),
      onOk: async () => {
        await remove.mutateAsync(f.id);
        message.success(t('files.deleted'));
      },
    });

  const deleteButton = (f: PremisesFileView) =>
    canWrite && (
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('files.deleteLabel', { name: f.fileName })}
        onClick={() => confirmDelete(f)}
      />
    );

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} aria-label={t('files.title', { name: premisesName })} role="region">
      {canWrite && (
        <Upload.Dragger
          name="file"
          multiple={false}
          showUploadList={false}
          accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
          beforeUpload={(file) => {
            setError(null);
            if (maxBytes && file.size > maxBytes) {
              setError(t('files.tooLarge', { name: file.name, limit: size(maxBytes) }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            setProgress(0);
            upload
              .mutateAsync({ file: file as File, onProgress: setProgress })
              .then((saved) => {
                setProgress(null);
                message.success(t('files.uploaded', { name: saved.fileName }));
                onSuccess?.(saved);
              })
              .catch((e: Error) => {
                setProgress(null);
                setError(e.message);
                onError?.(e);
              });
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('files.drop')}</p>
          <p className="ant-upload-hint">{t('files.hint', { types: PREMISES_FILE_TYPES.join(' / '), limit: maxBytes ? size(maxBytes) : '—' })}</p>
        </Upload.Dragger>
      )}
      {progress !== null && <Progress percent={progress} size="small" aria-label={t('files.uploading')} />}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {files.error && <Alert type="error" showIcon message={(files.error as Error).message} />}
      {!files.isLoading && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('files.empty')} />}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size="middle">
            {photos.map((f) => (
              <Space key={f.id} direction="vertical" size={2} style={{ width: 120 }}>
                <Image
                  src={premisesFileUrl(f.id)}
                  alt={f.fileName}
                  width={120}
                  height={90}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  preview={{ mask: t('files.preview') }}
                />
                <Space size={2} style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text ellipsis style={{ maxWidth: 90, fontSize: 12 }} title={f.fileName}>
                    {f.fileName}
                  </Typography.Text>
                  {deleteButton(f)}
                </Space>
              </Space>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {documents.length > 0 && (
        <List
          size="small"
          dataSource={documents}
          renderItem={(f) => (
            <List.Item actions={[deleteButton(f)].filter(Boolean)}>
              <Space>
                <FileOutlined />
                <a href={premisesFileUrl(f.id)} download={f.fileName}>
                  {f.fileName}
                </a>
                <Typography.Text type="secondary">
                  {size(f.sizeBytes)} · {f.createdAt.slice(0, 10)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
