/** The OAuth scopes a partner platform's client can hold. */
export const PARTNER_SCOPES = ['shops.write', 'sales.write', 'catalog.read'] as const;
