import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  comparisonKey,
  dateCell,
  declaredLevelCell,
  paymentCell,
  resultChannelsCell,
  tierCell,
} from './cell-values';
import { CATALOGUE_COLUMNS, headerMeaning, IGNORED_HEADERS } from './csv-columns';

describe('comparisonKey', () => {
  it('ignores case, diacritics (đ → d), spaces and punctuation, in NFC or NFD', () => {
    const nfd = 'Mã thủ tục'.normalize('NFD');
    for (const spelling of ['Mã thủ tục', 'MÃ THỦ TỤC', 'Ma thu tuc', 'ma_thu_tuc', nfd]) {
      expect(comparisonKey(spelling)).toBe('mathutuc');
    }
    expect(comparisonKey('Đơn vị')).toBe('donvi');
    expect(comparisonKey('procedureCode')).toBe(comparisonKey('procedure code'));
  });
});

describe('catalogue columns', () => {
  it('no two columns share a header once compared by key', () => {
    const owner = new Map<string, string>();
    for (const definition of CATALOGUE_COLUMNS) {
      for (const header of definition.headers) {
        const key = comparisonKey(header);
        expect(owner.get(key) ?? definition.column, `${header} is claimed twice`).toBe(definition.column);
        owner.set(key, definition.column);
      }
    }
    for (const header of IGNORED_HEADERS) expect(owner.has(comparisonKey(header))).toBe(false);
  });

  it('recognises every header in upper case, without diacritics and in snake case', () => {
    for (const definition of CATALOGUE_COLUMNS) {
      for (const header of definition.headers) {
        for (const variant of [
          header,
          header.toUpperCase(),
          header.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
          header.replace(/ /g, '_'),
        ]) {
          const meaning = headerMeaning(variant);
          expect(meaning.kind === 'column' && meaning.definition.column, variant).toBe(definition.column);
        }
      }
    }
  });

  it('tells a running-number column, a blank header and an unknown one apart', () => {
    expect(headerMeaning('STT').kind).toBe('ignored');
    expect(headerMeaning('  ').kind).toBe('blank');
    expect(headerMeaning('Ghi chú').kind).toBe('unknown');
    expect(headerMeaning('***').kind).toBe('unknown');
  });
});

describe('cell values', () => {
  it('reads yes/no as Có/Không, x, 1/0, true/false in any case', () => {
    for (const yes of ['Có', 'CÓ', 'co', 'x', 'X', '1', 'true', 'TRUE', 'yes'])
      expect(booleanCell.read(yes)).toBe(true);
    for (const no of ['Không', 'KHÔNG', 'khong', '0', 'false', 'no']) expect(booleanCell.read(no)).toBe(false);
    for (const bad of ['có thể', '2', 'maybe', '-']) expect(booleanCell.read(bad)).toBeUndefined();
  });

  it('reads tiers in Vietnamese, without diacritics, with "Cấp", and in English', () => {
    expect(['Tỉnh', 'tinh', 'Cấp tỉnh', 'TỈNH', 'province'].map((text) => tierCell.read(text))).toEqual(
      Array(5).fill('tinh'),
    );
    expect(['Huyện', 'huyen', 'Cấp huyện', 'district'].map((text) => tierCell.read(text))).toEqual(
      Array(4).fill('huyen'),
    );
    expect(['Xã', 'xa', 'Cấp xã', 'Phường', 'Thị trấn', 'commune'].map((text) => tierCell.read(text))).toEqual(
      Array(6).fill('xa'),
    );
    expect(tierCell.read('Trung ương')).toBeUndefined();
  });

  it('reads payments and refuses the ambiguous bare "Không"', () => {
    expect(paymentCell.read('Không thu phí')).toBe('no-fee');
    expect(paymentCell.read('Miễn phí')).toBe('no-fee');
    expect(paymentCell.read('Trực tuyến')).toBe('online');
    expect(paymentCell.read('truc tuyen')).toBe('online');
    expect(paymentCell.read('Trực tiếp')).toBe('offline-only');
    expect(paymentCell.read('offline-only')).toBe('offline-only');
    expect(paymentCell.read('Không')).toBeUndefined();
  });

  it('reads result channels separated by ; , / | + or line breaks, without duplicates', () => {
    expect(resultChannelsCell.read('Trực tuyến; Bưu chính; Trực tiếp')).toEqual(['online', 'public-post', 'in-person']);
    expect(resultChannelsCell.read('BCCI, trực tuyến, Bưu chính công ích')).toEqual(['public-post', 'online']);
    expect(resultChannelsCell.read('Trực tiếp\nQua bưu chính')).toEqual(['in-person', 'public-post']);
    expect(resultChannelsCell.read('online|in-person')).toEqual(['online', 'in-person']);
    expect(resultChannelsCell.read('Trực tuyến; Fax')).toBeUndefined();
    expect(resultChannelsCell.read(';')).toBeUndefined();
  });

  it('reads real dates day first or ISO, and refuses days that do not exist', () => {
    expect(dateCell.read('31/12/2024')).toBe('2024-12-31');
    expect(dateCell.read('1/7/2025')).toBe('2025-07-01');
    expect(dateCell.read('29.02.2024')).toBe('2024-02-29');
    expect(dateCell.read('2025-07-01')).toBe('2025-07-01');
    for (const bad of ['29/02/2023', '31/04/2024', '2024-13-01', '12/31/2024', '2024/01/01', 'hôm nay']) {
      expect(dateCell.read(bad), bad).toBeUndefined();
    }
  });

  it('reads a declared level as a number 1–4 or a NĐ 42 category', () => {
    expect(declaredLevelCell.read('3')).toEqual({ nd43Level: 3 });
    expect(declaredLevelCell.read('Mức độ 4')).toEqual({ nd43Level: 4 });
    expect(declaredLevelCell.read('level 2')).toEqual({ nd43Level: 2 });
    expect(declaredLevelCell.read('Toàn trình')).toEqual({ nd42Category: 'toan_trinh' });
    expect(declaredLevelCell.read('DVC một phần')).toEqual({ nd42Category: 'mot_phan' });
    expect(declaredLevelCell.read('5')).toBeUndefined();
    expect(declaredLevelCell.read('cao')).toBeUndefined();
  });
});
