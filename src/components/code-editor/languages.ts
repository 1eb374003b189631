/**
 * The Monaco language ids the code editor can highlight: the snippet languages plus the body
 * editor's. Each one except `plaintext` must be registered in services/monaco-setup.ts, inside
 * the lazy Monaco chunk (a unit test checks that). Types only: nothing here reaches the initial bundle.
 */
import type { SnippetLanguage } from '../../core/codegen/targets.ts';

export type EditorLanguage = SnippetLanguage | 'json' | 'xml' | 'graphql';
