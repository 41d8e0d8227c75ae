import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../api';
import { fieldMessages } from './fieldErrors';
import { problemMessage } from './problemMessage';
import type { ReportedProblem } from './useProblem';

/** An error alert (role=alert, so screen readers announce it) for a failed request. */
export function ProblemAlert({ reported }: { reported: ReportedProblem | null }) {
  const { t, i18n } = useTranslation();
  if (!reported) return null;
  const { problem, unclaimed } = reported;
  const description =
    unclaimed.length > 0 || problem.traceId ? (
      <>
        {unclaimed.length > 0 && (
          <ul className="problem-list">
            {unclaimed.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        {problem.traceId && <Typography.Text>{t('problems.traceId', { traceId: problem.traceId })}</Typography.Text>}
      </>
    ) : undefined;
  return <Alert type="error" showIcon title={problemMessage(problem, i18n)} description={description} />;
}

/** The alert for a failed query: any field messages are listed in it, as there is no form. */
export function RequestError({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  const problem = toProblem(error);
  return <ProblemAlert reported={{ problem, unclaimed: Object.values(fieldMessages(problem, i18n)).flat() }} />;
}
