import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ProsperityLeadersRowDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { RequestError } from '../../errors/ProblemAlert';
import { AWARDS_KEY } from './useAwards';

/**
 * Prosperity leaders (致富带头人) by county: rural disabled people holding an approved or paid
 * demonstration-household or -base award — the action plan's count of leaders the programme grew.
 */
export function ProsperityLeaders() {
  const { t } = useTranslation();
  const leaders = useQuery({
    queryKey: [...AWARDS_KEY, 'prosperityLeaders'],
    queryFn: () => api.getProsperityLeaders(),
  });
  const columns: TableColumnsType<ProsperityLeadersRowDto> = [
    { key: 'county', title: t('awards.county'), dataIndex: 'countyName' },
    { key: 'leaders', title: t('prosperityLeaders.leaders'), dataIndex: 'leaders', align: 'end' },
  ];
  return (
    <Card title={<h2 className="card-title">{t('prosperityLeaders.title')}</h2>}>
      {leaders.error && <RequestError error={leaders.error} />}
      <Flex gap="large" wrap align="start">
        <div>
          <Statistic
            title={t('prosperityLeaders.total')}
            value={leaders.data?.total ?? 0}
            loading={leaders.isPending}
          />
          <Typography.Paragraph type="secondary" className="narrow-card">
            {t('prosperityLeaders.definition')}
          </Typography.Paragraph>
        </div>
        <DataTable<ProsperityLeadersRowDto>
          rowKey="countyId"
          caption={t('prosperityLeaders.caption')}
          columns={columns}
          dataSource={leaders.data?.counties}
          loading={leaders.isFetching}
          pagination={false}
          size="small"
        />
      </Flex>
    </Card>
  );
}
