import { PersonTags, type CreatePersonCommand, type HouseholdRegistration, type UpdatePersonRequest } from '../../api';

/** The tags a person can have (`None` is the empty set, never a choice). */
export const PERSON_TAGS = [
  PersonTags.SpecialistCommitteeMember,
  PersonTags.UniversityStudent,
  PersonTags.VocationalStudent,
] as const;

export interface PersonFormValues {
  name: string;
  /** Required to register; when editing, empty keeps the current number. */
  idNumber?: string;
  certificateNumber?: string;
  countyId: string;
  township?: string;
  village?: string;
  registration: HouseholdRegistration;
  /** When editing, empty keeps the current phone. */
  phone?: string;
  /** When editing: remove the phone on record. */
  removePhone?: boolean;
  tags?: PersonTags[];
}

function optional(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** An ID or certificate number in capitals (a lower-case x check character is common), empty left out. */
function number(value: string | undefined): string | undefined {
  return optional(value)?.toUpperCase();
}

function details(values: PersonFormValues) {
  return {
    name: values.name.trim(),
    countyId: values.countyId,
    township: optional(values.township),
    village: optional(values.village),
    registration: values.registration,
    tags: values.tags ?? [],
  };
}

/** The request to register a person: text trimmed, numbers in capitals, empty optional fields left out. */
export function toCreatePersonRequest(values: PersonFormValues): CreatePersonCommand {
  return {
    ...details(values),
    idNumber: number(values.idNumber) ?? '',
    certificateNumber: number(values.certificateNumber) ?? '',
    phone: optional(values.phone),
  };
}

/**
 * The request to edit a person. Officers never see the full sensitive numbers, so a number left
 * empty is left out, which keeps the current one; removing the phone sends it empty.
 */
export function toUpdatePersonRequest(values: PersonFormValues): UpdatePersonRequest {
  return {
    ...details(values),
    idNumber: number(values.idNumber),
    certificateNumber: number(values.certificateNumber),
    phone: values.removePhone ? '' : optional(values.phone),
  };
}
