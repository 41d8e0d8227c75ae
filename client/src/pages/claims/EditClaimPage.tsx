import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { Page } from '../../components/Page';
import { RecordPage } from '../registry/RecordPage';
import { ClaimForm } from './ClaimForm';
import { toClaimRequest } from './claimRequest';
import { useClaim } from './useClaim';

/** Corrects a draft claim, sending the version loaded in If-Match so that a concurrent change is not overwritten. */
export function EditClaimPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useClaim(id);
  return (
    <RecordPage
      query={query}
      title={t('claims.edit')}
      notFoundTitle={t('claims.notFound')}
      notFoundDetail={t('claims.notFoundDetail')}
    >
      {(claim) => (
        <Page title={t('claims.editTitle', { name: claim.personName })}>
          <ClaimForm
            // A reload after a conflict brings a new version: start the form again from it.
            key={claim.version}
            claim={claim}
            submitLabel={t('common.save')}
            cancelTo={`/training-claims/${claim.id}`}
            onSubmit={(values) => api.updateTrainingClaim(claim.id, toClaimRequest(values), `"${claim.version}"`)}
            onReload={() => void query.refetch()}
          />
        </Page>
      )}
    </RecordPage>
  );
}
