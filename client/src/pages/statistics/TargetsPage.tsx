import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Select, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  toProblem,
  type ProgrammeDto,
  type ProgrammeTargetDto,
  type ProgrammeTargetInput,
  type Problem,
} from '../../api';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ProblemAlert, RequestError } from '../../errors/ProblemAlert';
import { useProblem } from '../../errors/useProblem';
import { localName, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { NAV } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { STATISTICS_KEY } from './useStatistics';

/** The most a target figure may be (as the API checks it). */
export const MAX_TARGET = 1_000_000;

const FIGURES = ['trainedPeople', 'prosperityLeaders', 'householdsInChain'] as const;

/** A row of the form: the city-wide target (no county) or a county's. */
export interface TargetRow {
  countyId?: string;
  name: string;
  trainedPeople?: number | null;
  prosperityLeaders?: number | null;
  householdsInChain?: number | null;
  targetDate?: Dayjs | null;
}

interface TargetValues {
  targets: TargetRow[];
}

const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Whether a row has any of its values; such a row must have all of them. */
export function isStarted(row: TargetRow | undefined): boolean {
  return !!row && [...FIGURES.map((figure) => row[figure]), row.targetDate].some(filled);
}

/**
 * The rows to send: those with values, as the API takes them, and for each the index of its form row
 * (the API's field errors name the sent row, `targets[1].trainedPeople`).
 */
export function targetInputs(rows: TargetRow[]): { inputs: ProgrammeTargetInput[]; formIndex: number[] } {
  const inputs: ProgrammeTargetInput[] = [];
  const formIndex: number[] = [];
  rows.forEach((row, index) => {
    if (!isStarted(row)) return;
    inputs.push({
      countyId: row.countyId,
      trainedPeople: row.trainedPeople ?? 0,
      prosperityLeaders: row.prosperityLeaders ?? 0,
      householdsInChain: row.householdsInChain ?? 0,
      targetDate: row.targetDate ? toDateOnly(row.targetDate) : '',
    });
    formIndex.push(index);
  });
  return { inputs, formIndex };
}

/** The problem with its field names moved from the sent rows to the form's rows. */
export function toFormRows(problem: Problem, formIndex: number[]): Problem {
  const rename = (field: string) =>
    field.replace(/^targets\[(\d+)\]/i, (whole, index: string) =>
      formIndex[Number(index)] === undefined ? whole : `targets[${formIndex[Number(index)]}]`,
    );
  return {
    ...problem,
    errors:
      problem.errors && Object.fromEntries(Object.entries(problem.errors).map(([key, value]) => [rename(key), value])),
    fieldErrors: problem.fieldErrors?.map((error) => ({ ...error, field: rename(error.field) })),
  };
}

/** A refused save, its field errors named by the form's rows (a plain problem, so useProblem reads it). */
class FormRowsError {
  constructor(readonly problem: Problem) {}
}

/** The programme running today, else the latest. */
function currentProgramme(programmes: ProgrammeDto[]): ProgrammeDto | undefined {
  const today = toDateOnly(dayjs());
  return (
    programmes.find((programme) => programme.periodStart <= today && today <= programme.periodEnd) ??
    [...programmes].sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0]
  );
}

function TargetsForm({ programme, rows }: { programme: ProgrammeDto; rows: TargetRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TargetValues>();
  const { reported, report, clear } = useProblem(form);
  const save = useMutation({
    mutationFn: async (values: TargetValues) => {
      // The form gives back its fields only; the county of each row is the row's own.
      const { inputs, formIndex } = targetInputs(values.targets.map((row, index) => ({ ...rows[index], ...row })));
      try {
        return await api.setProgrammeTargets({ programmeId: programme.id, targets: inputs });
      } catch (error) {
        throw new FormRowsError(toFormRows(toProblem(error), formIndex));
      }
    },
    onMutate: clear,
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: STATISTICS_KEY });
    },
    onError: (error) => report(error instanceof FormRowsError ? error.problem : error),
  });

  /** A value of a started row is required. */
  const requiredInStartedRow = (index: number) => ({
    validator: (_: RuleObject, value: unknown) =>
      filled(value) || !isStarted(form.getFieldValue(['targets', index]))
        ? Promise.resolve()
        : Promise.reject(new Error(t('targets.required'))),
  });

  return (
    <Form<TargetValues>
      form={form}
      name="targets"
      initialValues={{ targets: rows }}
      onFinish={(values) => {
        if (!values.targets.some(isStarted)) {
          void message.warning(t('targets.nothingToSave'));
          return;
        }
        save.mutate(values);
      }}
    >
      <Flex vertical gap="middle">
        <ProblemAlert reported={reported} />
        <div className="table-scroll" role="region" aria-label={t('targets.caption')} tabIndex={0}>
          <table className="targets-table">
            <caption className="visually-hidden">{t('targets.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('targets.scope')}</th>
                {FIGURES.map((figure) => (
                  <th key={figure} scope="col">
                    {t(`targets.${figure}`)}
                  </th>
                ))}
                <th scope="col">{t('targets.targetDate')}</th>
              </tr>
            </thead>
            <tbody>
              <Form.List name="targets">
                {(fields) =>
                  fields.map(({ key, name }) => {
                    const row = rows[name];
                    return (
                      <tr key={key}>
                        <th scope="row">{row.name}</th>
                        {FIGURES.map((figure) => (
                          <td key={figure}>
                            <Form.Item
                              name={[name, figure]}
                              rules={[
                                requiredInStartedRow(name),
                                { type: 'integer', min: 0, max: MAX_TARGET, message: t('targets.figureRange') },
                              ]}
                            >
                              <InputNumber
                                min={0}
                                max={MAX_TARGET}
                                precision={0}
                                className="target-input"
                                aria-label={t('common.actionFor', { action: t(`targets.${figure}`), name: row.name })}
                              />
                            </Form.Item>
                          </td>
                        ))}
                        <td>
                          <Form.Item
                            name={[name, 'targetDate']}
                            rules={[
                              requiredInStartedRow(name),
                              {
                                validator: (_, value: Dayjs | null | undefined) =>
                                  !value ||
                                  (!value.isBefore(dayjs(programme.periodStart)) &&
                                    !value.isAfter(dayjs(programme.periodEnd)))
                                    ? Promise.resolve()
                                    : Promise.reject(
                                        new Error(
                                          t('targets.dateOutside', {
                                            start: programme.periodStart,
                                            end: programme.periodEnd,
                                          }),
                                        ),
                                      ),
                              },
                            ]}
                          >
                            <DatePicker
                              aria-label={t('common.actionFor', { action: t('targets.targetDate'), name: row.name })}
                            />
                          </Form.Item>
                        </td>
                      </tr>
                    );
                  })
                }
              </Form.List>
            </tbody>
          </table>
        </div>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}

/**
 * The programme's targets (目标任务) for the dashboard's gauges, city-wide and per county (city
 * officers). A row left empty keeps its target; a started row needs every figure and the date.
 */
export function TargetsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const counties = useCountyOptions();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.getProgrammes() });
  const [chosen, setChosen] = useState<string>();
  const programme =
    programmes.data?.find((candidate) => candidate.id === chosen) ?? currentProgramme(programmes.data ?? []);
  const targets = useQuery({
    queryKey: [...STATISTICS_KEY, 'targets', programme?.id],
    queryFn: () => api.getProgrammeTargets(programme!.id),
    enabled: !!programme,
  });

  const rowOf = (name: string, countyId: string | undefined, target: ProgrammeTargetDto | undefined): TargetRow => ({
    countyId,
    name,
    trainedPeople: target?.trainedPeople,
    prosperityLeaders: target?.prosperityLeaders,
    householdsInChain: target?.householdsInChain,
    targetDate: target ? dayjs(target.targetDate) : undefined,
  });
  const rows =
    targets.data && counties.length > 0
      ? [
          rowOf(
            t('statistics.cityWide'),
            undefined,
            targets.data.find((target) => !target.countyId),
          ),
          ...counties.map((county) =>
            rowOf(
              county.label,
              county.value,
              targets.data.find((target) => target.countyId === county.value),
            ),
          ),
        ]
      : undefined;

  return (
    <Page title={t(NAV.targets.labelKey)}>
      <Flex vertical gap="large">
        <Typography.Paragraph className="page-intro">{t('targets.intro')}</Typography.Paragraph>
        {programmes.error && <RequestError error={programmes.error} />}
        {programmes.data && programmes.data.length > 1 && (
          <Form layout="inline" className="filters" name="targetProgramme">
            <Form.Item label={t('targets.programme')} htmlFor="targetProgramme">
              <Select
                id="targetProgramme"
                className="filter-select-wide"
                value={programme?.id}
                onChange={setChosen}
                options={programmes.data.map((option) => ({ value: option.id, label: localName(option, language) }))}
              />
            </Form.Item>
          </Form>
        )}
        {targets.error && <RequestError error={targets.error} />}
        {programme && (
          <Card
            title={
              <h2 className="card-title">
                {t('targets.programmeHeading', {
                  programme: localName(programme, language),
                  start: programme.periodStart,
                  end: programme.periodEnd,
                })}
              </h2>
            }
          >
            {rows ? (
              <TargetsForm key={`${programme.id}-${targets.dataUpdatedAt}`} programme={programme} rows={rows} />
            ) : (
              <Loading />
            )}
          </Card>
        )}
        {programmes.isPending && <Loading />}
      </Flex>
    </Page>
  );
}
