import { isShareFigure, type NationalAccounts } from './types';

/** The national net figure of an indicator, or null for shares and unknown keys. */
export function netOf(accounts: NationalAccounts, key: string): number | null {
  const figure = accounts.indicators.find((indicator) => indicator.key === key)?.national;
  if (!figure || isShareFigure(figure)) return null;
  return figure.net;
}
