import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Page } from '../../components/Page';
import { PersonForm } from './PersonForm';
import { toCreatePersonRequest } from './personRequest';

export function NewPersonPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('persons.newTitle')}>
      <PersonForm
        submitLabel={t('persons.form.register')}
        cancelTo="/persons"
        onSubmit={(values) => api.createPerson(toCreatePersonRequest(values))}
      />
    </Page>
  );
}
