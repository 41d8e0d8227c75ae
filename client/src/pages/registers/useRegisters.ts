import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  OperationServiceType,
  ServiceProviderKind,
  ServiceStationKind,
  ServiceStationStatus,
  SupervisionSubject,
} from '../../api';

export const OPERATION_SERVICES_KEY = ['operationServices'] as const;
export const SERVICE_STATIONS_KEY = ['serviceStations'] as const;
export const SUPERVISION_VISITS_KEY = ['supervisionVisits'] as const;

export const SERVICE_TYPES = Object.values(OperationServiceType);
export const PROVIDER_KINDS = Object.values(ServiceProviderKind);
export const STATION_KINDS = Object.values(ServiceStationKind);
export const STATION_STATUSES = Object.values(ServiceStationStatus);
export const SUPERVISION_SUBJECTS = Object.values(SupervisionSubject);

export function supervisionVisitKey(id: string) {
  return [...SUPERVISION_VISITS_KEY, 'one', id] as const;
}

export function useSupervisionVisit(id: string) {
  return useQuery({ queryKey: supervisionVisitKey(id), queryFn: () => api.getSupervisionVisit(id) });
}

/** Refreshes the lists (and the records kept under their prefix) of a register after a change. */
export function useRefresh(key: readonly string[]): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: key });
}
