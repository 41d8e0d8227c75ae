import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { Page } from '../../components/Page';
import { RecordPage } from '../registry/RecordPage';
import { PersonForm } from './PersonForm';
import { toUpdatePersonRequest } from './personRequest';
import { usePerson } from './usePerson';

/** Edits a person, sending the version loaded in If-Match so that a concurrent change is not overwritten. */
export function EditPersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = usePerson(id);
  return (
    <RecordPage
      query={query}
      title={t('persons.edit')}
      notFoundTitle={t('persons.notFound')}
      notFoundDetail={t('persons.notFoundDetail')}
    >
      {(person) => (
        <Page title={t('persons.editTitle', { name: person.name })}>
          <PersonForm
            // A reload after a conflict brings a new version: start the form again from it.
            key={person.version}
            person={person}
            submitLabel={t('common.save')}
            cancelTo={`/persons/${person.id}`}
            onSubmit={(values) => api.updatePerson(person.id, toUpdatePersonRequest(values), `"${person.version}"`)}
            onReload={() => void query.refetch()}
          />
        </Page>
      )}
    </RecordPage>
  );
}
