/**
 * XML parsers that can expand external entities, and the option that turns it on. libxml2 reads
 * `<!ENTITY x SYSTEM "file:///etc/passwd">` and substitutes it only when asked (`noent`); the JavaScript
 * parsers (xml2js, fast-xml-parser, @xmldom/xmldom, sax) never fetch external entities and are not listed.
 */
import type { LibraryId } from './types';

export type XmlParserLibrary = Extract<LibraryId, 'libxmljs' | 'libxmljs2'>;

export interface XmlParser {
  library: XmlParserLibrary;
  /** The export called (`parseXml`), or the export the method is reached through (`Document`). */
  exportName: string;
  /** The method called on the export, when it is not the export itself: `Document.fromXml`. */
  method?: string;
  /** The argument holding the XML text. */
  textArg: number;
  /** The argument holding the parser options. */
  optionsArg: number;
  /** Options that substitute entities when set to `true`. */
  entityOptions: readonly string[];
}

const libxmlParsers = (library: XmlParserLibrary): XmlParser[] => [
  { library, exportName: 'parseXml', textArg: 0, optionsArg: 1, entityOptions: ['noent'] },
  { library, exportName: 'parseXmlString', textArg: 0, optionsArg: 1, entityOptions: ['noent'] },
  { library, exportName: 'Document', method: 'fromXml', textArg: 0, optionsArg: 1, entityOptions: ['noent'] },
];

export const xmlParsers: readonly XmlParser[] = [...libxmlParsers('libxmljs'), ...libxmlParsers('libxmljs2')];
