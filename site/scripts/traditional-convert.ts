/**
 * OpenCC's traditional → simplified conversion for search queries: Taiwan and Hong Kong character variants
 * first, then OpenCC's phrases and characters (the `tw2s`/`hk2s` chains of opencc-js without the regional
 * vocabulary tables). Loaded only for a query with traditional characters (traditional.ts).
 * Layer: site/ — imports domain/ and site/; never functions/, infra/, scripts/ or tests/.
 */
import { ConverterFactory } from 'opencc-js/core';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

export const convert = ConverterFactory([TWVariantsRev, HKVariantsRev], [TSPhrases, TSCharacters]);
