"""Parsing XML from untrusted files. Office XML never carries a DTD, so any DOCTYPE is
refused outright (that closes entity expansion and external entity tricks); the parser
is also set never to resolve entities, load DTDs or touch the network."""

import threading

from lxml import etree

from lettercheck.read.errors import CORRUPT, UNSAFE_XML, ReadError

_local = threading.local()  # lxml parser objects must not be shared between threads


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
    return parser


def parse_xml(data: bytes, name: str) -> etree._Element:
    """The root element of `data`, or a ReadError naming the part."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(UNSAFE_XML, f"{name} declares a DTD or entities")
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise ReadError(CORRUPT, f"{name} is not well-formed XML ({error})") from error
