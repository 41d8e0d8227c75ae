import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toProblem, type Problem } from '../api';
import { applyFieldErrors } from './fieldErrors';

export interface ReportedProblem {
  problem: Problem;
  /** Field messages that no Form.Item on the page shows. */
  unclaimed: string[];
}

/** Keeps the last failure of a form or page, with its field errors shown on the form. */
export function useProblem(form: FormInstance) {
  const { i18n } = useTranslation();
  const [reported, setReported] = useState<ReportedProblem | null>(null);
  const report = useCallback(
    (error: unknown): Problem => {
      const problem = toProblem(error);
      setReported({ problem, unclaimed: applyFieldErrors(form, problem, i18n) });
      return problem;
    },
    [form, i18n],
  );
  const clear = useCallback(() => setReported(null), []);
  return { reported, report, clear };
}
