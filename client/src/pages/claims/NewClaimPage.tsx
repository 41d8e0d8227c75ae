import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Page } from '../../components/Page';
import { ClaimForm } from './ClaimForm';
import { toClaimRequest } from './claimRequest';

/** Starts a training subsidy claim as a draft: documents are attached and it is submitted from its page. */
export function NewClaimPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('claims.newTitle')}>
      <ClaimForm
        submitLabel={t('claims.form.create')}
        cancelTo="/training-claims"
        onSubmit={(values) => api.createTrainingClaim({ ...toClaimRequest(values), personId: values.personId })}
      />
    </Page>
  );
}
