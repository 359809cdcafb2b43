// Package pdfscan is a small, lenient reader of PDF objects: enough of ISO
// 32000 to find an embedded file and the XMP metadata of a document written
// by any producer, fast, and safely on hostile input.
//
// It reads classic cross-reference tables and cross-reference streams
// (following /Prev and /XRefStm through incremental updates, the newest
// definition of an object winning), object streams, and the stream filters
// a file attachment may use (FlateDecode with PNG and TIFF predictors,
// LZWDecode, ASCIIHexDecode, ASCII85Decode, RunLengthDecode). When the
// cross-reference information is missing or wrong it rebuilds the object
// index by scanning the file for "N G obj", as viewers do.
//
// It never panics on malformed input; every loop and every recursion is
// bounded, reference cycles are detected, and all decoding shares one
// budget of decoded bytes (Options.MaxDecoded). It does not decrypt
// (Reader.Encrypted tells), render, or write.
//
// Errors are *Error values that name the object number or the byte offset
// of the fault; their text has no package prefix, so that the caller's
// prefix reads well ("facturx: object 12 0 (offset 3456): ...").
package pdfscan

import (
	"errors"
	"fmt"
	"strconv"
)

// Object is a PDF object: nil (null), bool, int64 (integer), float64
// (real), String, Name, Array, Dict, Ref or *Stream.
type Object any

// Name is a PDF name, without its leading slash and with #xx escapes
// decoded.
type Name string

// String is a PDF string (literal or hexadecimal), escapes decoded. Use
// TextString to read it as text.
type String []byte

// Array is a PDF array.
type Array []Object

// Ref is an indirect reference "Num Gen R".
type Ref struct {
	Num, Gen int
}

func (r Ref) String() string { return strconv.Itoa(r.Num) + " " + strconv.Itoa(r.Gen) + " R" }

// KeyValue is one entry of a Dict.
type KeyValue struct {
	Key   Name
	Value Object
}

// Dict is a PDF dictionary, its entries in file order. Lookups are linear:
// PDF dictionaries are small.
type Dict []KeyValue

// Get returns the value of key, nil when absent. When a key appears twice,
// the last one wins (as in qpdf).
func (d Dict) Get(key Name) Object {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i].Key == key {
			return d[i].Value
		}
	}
	return nil
}

// Has reports whether key is present with a value other than null.
func (d Dict) Has(key Name) bool { return d.Get(key) != nil }

// Stream is a stream object: its dictionary and its encoded data.
type Stream struct {
	Dict Dict
	// Raw is the encoded data, a slice of the file: do not modify it.
	Raw []byte
	// Num and Gen identify the indirect object holding the stream.
	Num, Gen int
	// Offset is the offset of the data in the file.
	Offset int64

	// truncated is set when the file ends before the stream does.
	truncated bool
}

// Truncated reports whether the file ends before the stream's data does:
// neither its /Length nor an "endstream" keyword is within the file. Raw
// then holds the data up to the end of the file, and Decode fails.
func (s *Stream) Truncated() bool { return s.truncated }

// Sentinel errors, to be tested with errors.Is.
var (
	// ErrNotPDF reports input without a "%PDF-" header in its first
	// kilobyte.
	ErrNotPDF = errors.New("not a PDF file (no %PDF- header)")
	// ErrLimit reports that decoding would exceed Options.MaxDecoded or the
	// caller's limit.
	ErrLimit = errors.New("decoded data exceeds the limit")
	// ErrUnsupportedFilter reports a stream filter this package does not
	// decode (DCTDecode, JPXDecode, CCITTFaxDecode, JBIG2Decode, Crypt).
	ErrUnsupportedFilter = errors.New("unsupported filter")
	// ErrSyntax reports malformed PDF syntax.
	ErrSyntax = errors.New("syntax error")
	// ErrNotFound reports an object that the file does not define.
	ErrNotFound = errors.New("object not found")
	// ErrTruncated reports a stream cut by the end of the file.
	ErrTruncated = errors.New("truncated stream")
	// ErrLoop reports a reference cycle, or references nested too deep.
	ErrLoop = errors.New("reference loop")
)

// Error is an error located in the file: at an object (Num > 0), or at a
// byte offset (Offset >= 0), or both.
type Error struct {
	Num, Gen int   // object number and generation, Num 0 when unknown
	Offset   int64 // byte offset in the file, -1 when unknown
	Msg      string
	Err      error // wrapped cause, may be nil
}

func (e *Error) Error() string {
	var s string
	switch {
	case e.Num > 0 && e.Offset >= 0:
		s = fmt.Sprintf("object %d %d (offset %d)", e.Num, e.Gen, e.Offset)
	case e.Num > 0:
		s = fmt.Sprintf("object %d %d", e.Num, e.Gen)
	case e.Offset >= 0:
		s = fmt.Sprintf("offset %d", e.Offset)
	default:
		s = "pdf"
	}
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Int returns o as an integer: an int64, or a float64 with an integral
// value (some writers write 12.0 for a length).
func Int(o Object) (int64, bool) {
	switch v := o.(type) {
	case int64:
		return v, true
	case float64:
		if v == float64(int64(v)) && v > -1e18 && v < 1e18 {
			return int64(v), true
		}
	}
	return 0, false
}
