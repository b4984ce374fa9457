// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// A minimal ERC-721: explicit-id minting (independent mints) and counter minting (a hot slot),
/// transfers with approvals, events.
contract ParaNFT {
    string public name = "ParaNFT";
    string public symbol = "PNFT";
    uint256 public totalSupply;
    uint256 public nextId = 1 << 128;  // counter ids live above the explicit-id range

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(uint256 => address) public getApproved;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    /// Mints a chosen id: touches only that token and the receiver (plus the supply counter).
    function mint(address to, uint256 tokenId) external {
        require(to != address(0) && ownerOf[tokenId] == address(0), "mint");
        ownerOf[tokenId] = to;
        unchecked { balanceOf[to] += 1; }
        emit Transfer(address(0), to, tokenId);
    }

    /// Mints the next id from a shared counter: every call conflicts with every other.
    function mintNext(address to) external returns (uint256 tokenId) {
        tokenId = nextId++;
        ownerOf[tokenId] = to;
        unchecked { balanceOf[to] += 1; totalSupply += 1; }
        emit Transfer(address(0), to, tokenId);
    }

    function approve(address spender, uint256 tokenId) external {
        address owner = ownerOf[tokenId];
        require(msg.sender == owner || isApprovedForAll[owner][msg.sender], "approve");
        getApproved[tokenId] = spender;
        emit Approval(owner, spender, tokenId);
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function transferFrom(address from, address to, uint256 tokenId) public {
        require(ownerOf[tokenId] == from && to != address(0), "owner");
        require(msg.sender == from || isApprovedForAll[from][msg.sender] || msg.sender == getApproved[tokenId],
                "auth");
        unchecked {
            balanceOf[from] -= 1;
            balanceOf[to] += 1;
        }
        ownerOf[tokenId] = to;
        delete getApproved[tokenId];
        emit Transfer(from, to, tokenId);
    }
}
