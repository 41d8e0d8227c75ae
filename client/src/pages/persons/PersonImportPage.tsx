import { useTranslation } from 'react-i18next';
import { api, backgroundApi } from '../../api';
import { ImportJobPage, type ImportKindConfig } from '../../components/ImportJobPage';
import { PERSONS_KEY } from './usePerson';

const PERSON_IMPORT: ImportKindConfig = {
  name: 'personImport',
  calls: {
    start: (importValidRows, file) => api.startPersonImport(importValidRows, file),
    list: (page, pageSize) => api.getPersonImports(page, pageSize),
    get: (id) => backgroundApi.getPersonImport(id),
  },
  templateUrl: '/api/person-imports/template',
  textPrefix: 'persons.import',
  fieldLabels: {
    name: 'person.name',
    idNumber: 'person.idNumber',
    certificateNumber: 'person.certificateNumber',
    county: 'person.county',
    township: 'person.township',
    village: 'person.village',
    registration: 'person.registration',
    phone: 'person.phone',
    tags: 'person.tags',
  },
  refreshes: [PERSONS_KEY],
};

/** Imports people from a CSV or XLSX file. */
export function PersonImportPage() {
  const { t } = useTranslation();
  return <ImportJobPage title={t('nav.personImport')} config={PERSON_IMPORT} />;
}
