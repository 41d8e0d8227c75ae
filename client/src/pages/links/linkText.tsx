import { Link } from 'react-router-dom';
import type { BenefitLinkDto } from '../../api';

/** Who the link is of: the enterprise, or the entrepreneur in the registry. */
export function LinkParty({ link }: { link: BenefitLinkDto }) {
  return link.enterpriseId ? (
    <Link to={`/enterprises/${link.enterpriseId}`}>{link.enterpriseName}</Link>
  ) : (
    <Link to={`/persons/${link.entrepreneurPersonId}`}>{link.entrepreneurName}</Link>
  );
}

/** The sum of a link's monthly amounts in yuan, added in fen so that no binary fraction creeps in. */
export function monthsTotal(link: BenefitLinkDto): number {
  return link.months.reduce((fen, month) => fen + Math.round(month.amount * 100), 0) / 100;
}
