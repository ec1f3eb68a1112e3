import type { Deck } from '../schemas/ids.ts';

/** The five source decks by file name, with their titles as the decks give them (in Simplified script). */
export const deckTitles: Record<Deck, string> = {
  '000_06c743803fa7a05e.txt': '《客户服务——建立完善的客户服务体系》',
  '001_d3e1a08d6ad73a68.txt': '《卓越服务、品牌营销》',
  '002_ec28ef0a36933840.txt': '《客户服务（customer care）》',
  '003_fab1691d02cd859c.txt': '《客户关系管理（顾问式一对一销售课件）》',
  '004_306dc94172da7db7.txt': '《售后服务文化与制度》',
};
