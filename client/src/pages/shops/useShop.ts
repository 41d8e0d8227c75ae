import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ShopDto } from '../../api';

export const SHOPS_KEY = ['shops'] as const;
export const PENDING_SALES_KEY = ['pendingSales'] as const;

/** The shop and, under the same prefix, its sales: refreshing one refreshes both. */
export function shopKey(id: string) {
  return ['shop', id] as const;
}

export function useShop(id: string) {
  return useQuery({ queryKey: shopKey(id), queryFn: () => api.getShop(id) });
}

export function useShopSales(id: string) {
  return useQuery({ queryKey: [...shopKey(id), 'sales'], queryFn: () => api.getShopSales(id) });
}

/** Keeps a shop the API returned after a change, and refreshes the list that shows it. */
export function useSavedShop(): (shop: ShopDto) => void {
  const queryClient = useQueryClient();
  return (shop) => {
    queryClient.setQueryData(shopKey(shop.id), shop);
    void queryClient.invalidateQueries({ queryKey: SHOPS_KEY });
  };
}

/** Refreshes what a change of sales figures touches: every shop's sales and the confirmation queue. */
export function useSalesChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [['shop'], PENDING_SALES_KEY]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}
