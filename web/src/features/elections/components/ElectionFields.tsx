import { DatePicker, Form, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ELECTION_MODES } from '@shared/contracts/elections';
import { useElectionsT } from '../messages';
import { modeLabel, useLang } from './labels';

/** What the create and the edit forms of an election both hold. */
export interface ElectionFormValues {
  term: number;
  mode: (typeof ELECTION_MODES)[number];
  electionDate: Dayjs;
  seatsDirector: number;
  seatsDeputy: number;
  seatsMember: number;
}

export const ELECTION_FIELDS = ['term', 'mode', 'electionDate', 'seatsDirector', 'seatsDeputy', 'seatsMember'] as const;

/** The term, the election day, the mode and the seats (one director, up to eight deputies and members). */
export function ElectionFields({ dateHint }: { dateHint?: string }) {
  const t = useElectionsT();
  const lang = useLang();
  return (
    <>
      <Space wrap>
        <Form.Item name="term" label={t('create.term')} rules={[{ required: true }]}>
          <InputNumber aria-label={t('create.term')} min={1} max={1000} />
        </Form.Item>
        <Form.Item name="electionDate" label={t('create.date')} rules={[{ required: true }]} extra={dateHint}>
          <DatePicker aria-label={t('create.date')} />
        </Form.Item>
      </Space>
      <Form.Item name="mode" label={t('create.mode')} rules={[{ required: true }]}>
        <Select aria-label={t('create.mode')} options={ELECTION_MODES.map((m) => ({ value: m, label: modeLabel(m, lang) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="seatsDirector" label={t('create.director')}>
          <InputNumber aria-label={t('create.director')} min={1} max={1} />
        </Form.Item>
        <Form.Item name="seatsDeputy" label={t('create.deputy')}>
          <InputNumber aria-label={t('create.deputy')} min={0} max={8} />
        </Form.Item>
        <Form.Item name="seatsMember" label={t('create.member')} extra={t('create.seatsHint')}>
          <InputNumber aria-label={t('create.member')} min={0} max={8} />
        </Form.Item>
      </Space>
    </>
  );
}
