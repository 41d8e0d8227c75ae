import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LinkType } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { Page } from '../../components/Page';
import { enumValue, useListState } from '../../components/useListState';
import { toDateOnly } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { dateValue } from '../evidence/dated';
import { HouseholdSelect } from '../households/HouseholdSelect';
import { PersonSelect } from '../registry/PersonSelect';
import { LinkDialog } from './LinkDialog';
import { LinkedHouseholdsCard } from './LinkedHouseholdsCard';
import { LinksTable } from './LinksTable';
import { LINK_TYPES, useSavedLink } from './useLinks';

const FILTER_KEYS = ['enterpriseId', 'entrepreneurPersonId', 'householdId', 'type', 'inForceOn'] as const;

interface FilterValues {
  enterpriseId?: string;
  entrepreneurPersonId?: string;
  householdId?: string;
  type?: string;
  inForceOn?: Dayjs;
}

/**
 * Benefit links (利益联结) of enterprises and entrepreneurs with disabled households in the officer's
 * scope (the household's or the linking party's county), and the households brought into the chain.
 */
export function BenefitLinksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const saved = useSavedLink();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const inForceOn = dateValue(filters.inForceOn);

  return (
    <Page
      title={t('links.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('links.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap="large">
        <LinkedHouseholdsCard />
        <div>
          <Form<FilterValues>
            form={form}
            name="linkFilters"
            layout="inline"
            className="filters"
            initialValues={{ ...filters, inForceOn }}
            onFinish={(values) =>
              list.setFilters({ ...values, inForceOn: values.inForceOn && toDateOnly(values.inForceOn) })
            }
          >
            <Form.Item name="enterpriseId" label={t('link.enterprise')}>
              <EnterpriseSelect allowClear className="person-filter" />
            </Form.Item>
            <Form.Item name="entrepreneurPersonId" label={t('link.entrepreneur')}>
              <PersonSelect household="any" allowClear className="person-filter" />
            </Form.Item>
            <Form.Item name="householdId" label={t('link.household')}>
              <HouseholdSelect countyId={user.countyId} allowClear className="person-filter" />
            </Form.Item>
            <Form.Item name="type" label={t('link.type')}>
              <Select
                allowClear
                className="filter-select"
                options={LINK_TYPES.map((value) => ({ value, label: t(`link.types.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="inForceOn" label={t('evidence.inForceOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
            </Form.Item>
            <Form.Item>
              <Button
                onClick={() => {
                  form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
                  list.setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Form.Item>
          </Form>
          <LinksTable
            filters={{
              enterpriseId: filters.enterpriseId,
              entrepreneurPersonId: filters.entrepreneurPersonId,
              householdId: filters.householdId,
              type: enumValue(LinkType, filters.type),
              inForceOn: inForceOn && toDateOnly(inForceOn),
            }}
            caption={t('links.tableCaption')}
            page={list.page}
            pageSize={list.pageSize}
            onPageChange={list.setPage}
          />
        </div>
      </Flex>
      {creating && (
        <LinkDialog
          onSaved={(link) => {
            saved(link);
            void navigate(`/benefit-links/${link.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
