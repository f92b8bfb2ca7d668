// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, Form, Input, InputNumber } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { I18nProvider } from '../../lib/i18n';
import { FormModal } from './FormModal';
import { serverFieldErrors, useVersionedSave } from './use-server-form';

interface Shelter {
  id: string;
  version: number;
  name: string;
  beds: number;
}
type Values = Pick<Shelter, 'name' | 'beds'>;

const STORED: Shelter = { id: 's1', version: 3, name: '东区避难所', beds: 40 };
const valuesOf = ({ name, beds }: Shelter): Values => ({ name, beds });

/** A modal that edits a shelter at the version read, saving through `send` (the server's answer). */
function EditShelter(props: {
  send: (body: Values & { version: number }) => Promise<Shelter>;
  reload: () => Promise<Shelter | undefined>;
  onSaved: (s: Shelter) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useVersionedSave(form, { initial: STORED, reload: props.reload, valuesOf, fields: ['name', 'beds'] });
  return (
    <FormModal<Values>
      form={form}
      title="修改避难所"
      onClose={props.onClose}
      onFinish={(v) =>
        void save.run(
          (base) => props.send({ ...v, version: base.version }),
          (saved) => {
            props.onSaved(saved);
            props.onClose();
          },
        )
      }
      initialValues={valuesOf(STORED)}
      problem={save.problem}
      stale={save.stale}
    >
      <Form.Item label="名称" name="name" rules={[{ required: true }]}>
        <Input aria-label="名称" />
      </Form.Item>
      <Form.Item label="床位" name="beds">
        <InputNumber aria-label="床位" />
      </Form.Item>
    </FormModal>
  );
}

function open(overrides: Partial<Parameters<typeof EditShelter>[0]> = {}) {
  const props = {
    send: vi.fn(async (body: Values & { version: number }) => ({ ...STORED, ...body, version: body.version + 1 })),
    reload: vi.fn(async (): Promise<Shelter | undefined> => undefined),
    onSaved: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(
    <I18nProvider>
      <App>
        <EditShelter {...props} />
      </App>
    </I18nProvider>,
  );
  return props;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const clickSave = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
/** The error text antd shows under the field labelled `label`. */
const errorUnder = (label: string) => field(label).closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent;

afterEach(cleanup);

describe('FormModal with useVersionedSave', () => {
  it('sends the values at the version read, then calls onSuccess and closes', async () => {
    const p = open();
    type('名称', '东区一号避难所');
    clickSave();
    await waitFor(() => expect(p.onClose).toHaveBeenCalled());
    expect(p.send).toHaveBeenCalledWith({ name: '东区一号避难所', beds: 40, version: 3 });
    expect(p.onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: '东区一号避难所', version: 4 }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a 400 message under the field its path names, and nothing in an alert', async () => {
    const p = open({
      send: vi.fn(async () => {
        throw new ApiError(400, 'VALIDATION_FAILED', '请求参数有误', [
          { path: 'body.name', message: '同一社区已有同名避难所' },
          { path: 'body.managerId', message: '表单里没有的字段' },
        ]);
      }),
    });
    clickSave();
    await waitFor(() => expect(errorUnder('名称')).toBe('同一社区已有同名避难所'));
    expect(errorUnder('床位')).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(p.onClose).not.toHaveBeenCalled();
  });

  it('on a 409 reloads the latest version into the form, warns, and saves at that version next', async () => {
    const latest: Shelter = { ...STORED, version: 5, name: '东区避难所（扩建）', beds: 60 };
    let calls = 0;
    const p = open({
      reload: vi.fn(async () => latest),
      send: vi.fn(async (body: Values & { version: number }) => {
        if (calls++ === 0) throw new ApiError(409, 'VERSION_CONFLICT', '数据已被他人修改', { field: 'version', currentVersion: 5 });
        return { ...latest, ...body, version: 6 };
      }),
    });
    type('床位', '45');
    clickSave();
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('已被他人修改，表单已刷新为最新内容，请核对后重新保存');
    expect(p.reload).toHaveBeenCalledTimes(1);
    expect(field('名称').value).toBe('东区避难所（扩建）');
    expect(field('床位').value).toBe('60');
    expect(p.onClose).not.toHaveBeenCalled();

    clickSave();
    await waitFor(() => expect(p.onClose).toHaveBeenCalled());
    expect(p.send).toHaveBeenLastCalledWith({ name: '东区避难所（扩建）', beds: 60, version: 5 });
  });

  it('shows any other refusal in an error alert with the server message', async () => {
    const p = open({
      send: vi.fn(async () => {
        throw new ApiError(403, 'FORBIDDEN', '无权修改该避难所');
      }),
    });
    clickSave();
    expect((await screen.findByRole('alert')).textContent).toContain('无权修改该避难所');
    expect(p.onClose).not.toHaveBeenCalled();
  });

  it('saves on Enter in a field, and closes on Esc or Cancel without saving', async () => {
    const p = open();
    fireEvent.keyDown(field('名称'), { key: 'Enter' });
    await waitFor(() => expect(p.send).toHaveBeenCalledTimes(1));
    cleanup();

    const q = open();
    fireEvent.keyDown(field('名称'), { key: 'Escape', keyCode: 27 });
    expect(q.onClose).toHaveBeenCalledTimes(1);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /取\s*消/ })));
    expect(q.onClose).toHaveBeenCalledTimes(2);
    expect(q.send).not.toHaveBeenCalled();
  });
});

describe('serverFieldErrors', () => {
  const err = new ApiError(400, 'VALIDATION_FAILED', '请求参数有误', [
    { path: 'body.opensOn', message: '开始日期不能晚于截止日期' },
    { path: 'closesOn', message: '截止日期无效' },
    { path: 'body.quota' },
    { path: 'body.secret', message: '不在表单里' },
  ]);

  it('strips body., moves renamed paths onto their field, falls back to the error message, keeps only known fields', () => {
    expect(serverFieldErrors(err, ['window', 'quota'], { opensOn: 'window', closesOn: 'window' })).toEqual([
      { name: 'window', errors: ['开始日期不能晚于截止日期', '截止日期无效'] },
      { name: 'quota', errors: ['请求参数有误'] },
    ]);
  });

  it('names the field of a list row by its path', () => {
    const tiers = new ApiError(400, 'VALIDATION_FAILED', '请求参数有误', [{ path: 'body.premisesTiers.1.maxFloorAreaM2', message: '须大于上一档' }]);
    expect(serverFieldErrors(tiers, ['premisesTiers'])).toEqual([{ name: ['premisesTiers', 1, 'maxFloorAreaM2'], errors: ['须大于上一档'] }]);
    expect(serverFieldErrors(tiers, ['premises'])).toEqual([]);
  });

  it('finds nothing in an error without a details list', () => {
    expect(serverFieldErrors(new ApiError(500, 'INTERNAL', '服务器出错'), ['name'])).toEqual([]);
    expect(serverFieldErrors(new Error('网络断开'), ['name'])).toEqual([]);
  });
});
