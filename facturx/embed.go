package facturx

import (
	"errors"
	"io"
)

// Embed writes to w a Factur-X PDF/A-3B made of the PDF pdf and the CII
// invoice xml.
func Embed(w io.Writer, pdf, xml []byte, o *Options) error {
	if len(xml) == 0 {
		return ErrNotCII
	}
	return makePDFA(w, pdf, xml, o)
}

// makePDFA writes src to w as a PDF/A-3B, with xml as factur-x.xml when xml
// is not nil, and o's attachments.
func makePDFA(w io.Writer, src, xml []byte, o *Options) error {
	return errors.New("facturx: not implemented yet")
}
