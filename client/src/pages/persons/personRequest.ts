import { PersonTags, type HouseholdRegistration, type CreatePersonCommand as PersonRequest } from '../../api';

/** The tags a person can have (`None` is the empty set, never a choice). */
export const PERSON_TAGS = [
  PersonTags.SpecialistCommitteeMember,
  PersonTags.UniversityStudent,
  PersonTags.VocationalStudent,
] as const;

export interface PersonFormValues {
  name: string;
  idNumber: string;
  certificateNumber: string;
  countyId: string;
  township?: string;
  village?: string;
  registration: HouseholdRegistration;
  phone?: string;
  tags?: PersonTags[];
}

function optional(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/**
 * The request for the person form's values: text trimmed, ID and certificate numbers in capitals
 * (a lower-case x check character is common), empty optional fields left out.
 */
export function toPersonRequest(values: PersonFormValues): PersonRequest {
  return {
    name: values.name.trim(),
    idNumber: values.idNumber.trim().toUpperCase(),
    certificateNumber: values.certificateNumber.trim().toUpperCase(),
    countyId: values.countyId,
    township: optional(values.township),
    village: optional(values.village),
    registration: values.registration,
    phone: optional(values.phone),
    tags: values.tags ?? [],
  };
}
