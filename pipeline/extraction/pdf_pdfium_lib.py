"""The few pdfium functions the pdfium engine calls, bound once with plain C types.

pypdfium2 ships the pdfium library and binds all of its ~700 functions with typed
pointers when `pypdfium2.raw` is imported (16 ms, about what this engine spends reading a
page of text). The engine needs 36 of them and handles only as integers, so it binds
those itself, on the same shared library file (the dynamic loader hands back the copy
pypdfium2 may already have loaded, and pdfium ignores a second initialisation).
"""

from __future__ import annotations

import ctypes
import importlib.util
from ctypes import POINTER, c_char_p, c_double, c_float, c_int, c_size_t, c_uint, c_ulong
from ctypes import c_void_p as handle
from functools import cache
from pathlib import Path
from typing import Any

# pdfium's constants (fpdfview.h, fpdf_edit.h, fpdf_doc.h).
PAGEOBJ_TEXT, PAGEOBJ_PATH, PAGEOBJ_FORM = 1, 2, 5
SEGMENT_LINETO, SEGMENT_BEZIERTO, SEGMENT_MOVETO = 0, 1, 2
ACTION_URI = 3
OBJECT_UNKNOWN = 0


class Matrix(ctypes.Structure):
    _fields_ = [("a", c_float), ("b", c_float), ("c", c_float)]
    _fields_ += [("d", c_float), ("e", c_float), ("f", c_float)]


class RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


class _Config(ctypes.Structure):
    _fields_ = [
        ("version", c_int),
        ("m_pUserFontPaths", POINTER(c_char_p)),
        ("m_pIsolate", handle),
        ("m_v8EmbedderSlot", c_uint),
    ]


_F, _D = POINTER(c_float), POINTER(c_double)
# name: (result, argument types)
_SIGNATURES: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (POINTER(_Config),)),
    "FPDF_LoadMemDocument64": (handle, (c_char_p, c_size_t, c_char_p)),
    "FPDF_GetLastError": (c_ulong, ()),
    "FPDF_CloseDocument": (None, (handle,)),
    "FPDF_GetPageCount": (c_int, (handle,)),
    "FPDF_LoadPage": (handle, (handle, c_int)),
    "FPDF_ClosePage": (None, (handle,)),
    "FPDFPage_GetRotation": (c_int, (handle,)),
    "FPDFPage_GetMediaBox": (c_int, (handle, _F, _F, _F, _F)),
    "FPDFPage_CountObjects": (c_int, (handle,)),
    "FPDFPage_GetObject": (handle, (handle, c_int)),
    "FPDFPageObj_GetType": (c_int, (handle,)),
    "FPDFPageObj_GetMatrix": (c_int, (handle, POINTER(Matrix))),
    "FPDFPageObj_GetBounds": (c_int, (handle, _F, _F, _F, _F)),
    "FPDFPageObj_CountMarks": (c_int, (handle,)),
    "FPDFPageObj_GetMark": (handle, (handle, c_ulong)),
    "FPDFPageObjMark_GetParamValueType": (c_int, (handle, c_char_p)),
    "FPDFPageObj_GetClipPath": (handle, (handle,)),
    "FPDFClipPath_CountPaths": (c_int, (handle,)),
    "FPDFClipPath_CountPathSegments": (c_int, (handle, c_int)),
    "FPDFClipPath_GetPathSegment": (handle, (handle, c_int, c_int)),
    "FPDFFormObj_CountObjects": (c_int, (handle,)),
    "FPDFFormObj_GetObject": (handle, (handle, c_ulong)),
    "FPDFPath_CountSegments": (c_int, (handle,)),
    "FPDFPath_GetDrawMode": (c_int, (handle, POINTER(c_int), POINTER(c_int))),
    "FPDFPath_GetPathSegment": (handle, (handle, c_int)),
    "FPDFPathSegment_GetPoint": (c_int, (handle, _F, _F)),
    "FPDFPathSegment_GetType": (c_int, (handle,)),
    "FPDFPathSegment_GetClose": (c_int, (handle,)),
    "FPDFText_LoadPage": (handle, (handle,)),
    "FPDFText_ClosePage": (None, (handle,)),
    "FPDFText_CountChars": (c_int, (handle,)),
    "FPDFText_GetUnicode": (c_uint, (handle, c_int)),
    "FPDFText_GetText": (c_int, (handle, c_int, c_int, c_char_p)),
    "FPDFText_IsGenerated": (c_int, (handle, c_int)),
    "FPDFText_IsHyphen": (c_int, (handle, c_int)),
    "FPDFText_HasUnicodeMapError": (c_int, (handle, c_int)),
    # The two doubles by address (an int): converting `byref` objects costs more than
    # the call, which is made for every character.
    "FPDFText_GetCharOrigin": (c_int, (handle, c_int, handle, handle)),
    "FPDFText_GetTextObject": (handle, (handle, c_int)),
    "FPDFText_GetFontSize": (c_double, (handle, c_int)),
    "FPDFText_GetMatrix": (c_int, (handle, c_int, POINTER(Matrix))),
    "FPDFText_GetLooseCharBox": (c_int, (handle, c_int, POINTER(RectF))),
    "FPDFTextObj_GetFont": (handle, (handle,)),
    "FPDFFont_GetBaseFontName": (c_size_t, (handle, c_char_p, c_size_t)),
    "FPDFFont_GetGlyphWidth": (c_int, (handle, c_uint, c_float, _F)),
    "FPDFLink_Enumerate": (c_int, (handle, POINTER(c_int), POINTER(handle))),
    "FPDFLink_GetAnnotRect": (c_int, (handle, POINTER(RectF))),
    "FPDFLink_GetAction": (handle, (handle,)),
    "FPDFAction_GetType": (c_ulong, (handle,)),
    "FPDFAction_GetURIPath": (c_ulong, (handle, handle, c_char_p, c_ulong)),
}


def _library_file() -> str:
    """pypdfium2's copy of pdfium, found without importing its bindings."""
    spec = importlib.util.find_spec("pypdfium2_raw")
    folders = spec.submodule_search_locations if spec else None
    for folder in folders or ():
        for path in sorted(Path(folder).iterdir()):
            if "pdfium" in path.name and path.suffix in (".so", ".dylib", ".dll"):
                return str(path)
    raise ImportError("pypdfium2's pdfium library not found (is pypdfium2 installed?)")


@cache
def pdfium() -> Any:
    """The bound library, initialised (once per process)."""
    library = ctypes.CDLL(_library_file())
    for name, (result, arguments) in _SIGNATURES.items():
        function = getattr(library, name)
        function.restype = result
        function.argtypes = arguments
    library.FPDF_InitLibraryWithConfig(ctypes.byref(_Config(2, None, None, 0)))
    return library
