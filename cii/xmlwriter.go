package cii

import (
	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlw"
)

// writer is the shared XML writer with the date element of CII.
type writer struct {
	xmlw.Writer
}

// date writes <tag><udt:DateTimeString format="102">YYYYMMDD</...></tag>,
// or with another inner element name.
func (w *writer) date(tag, inner string, d einvoice.Date) {
	w.CheckDate(tag, d)
	w.Open(tag)
	w.StartLeaf(inner)
	w.Buf = append(w.Buf, ` format="102">`...)
	w.Buf = xmlw.AppendDate(w.Buf, d)
	w.EndLeaf(inner)
	w.Close(tag)
}

// figureError is the writer's Figure: a *FigureError.
func figureError(term, value, msg string) error {
	return &FigureError{Term: term, Value: value, Msg: msg}
}

// FigureError is returned by Encode for a figure it cannot write exactly:
// an amount with more than 2 decimals.
type FigureError struct {
	// Term is the business term, with the model path where known.
	Term string
	// Value is the figure.
	Value string
	// Msg says what is wrong.
	Msg string
}

func (e *FigureError) Error() string { return "cii: " + e.Term + " = " + e.Value + ": " + e.Msg }
