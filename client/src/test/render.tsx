import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { createQueryClient } from '../api/queryClient';
import { AppProviders } from '../AppProviders';

/** Renders routes with the app's providers in a memory router, starting at `path`. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders queryClient={createQueryClient(() => {})}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}

/** A fetch Response with a JSON body. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}
