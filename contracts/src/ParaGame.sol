// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// An on-chain game: each player has a position, energy and score (per-player state, no
/// conflicts), and a shared leaderboard of the best scores (a hot spot only when a score
/// enters it).
contract ParaGame {
    struct Player {
        int64 x;
        int64 y;
        uint64 energy;
        uint64 moves;
        uint256 score;
    }

    uint256 public constant kBoardSize = 8;
    mapping(address => Player) public players;
    address[kBoardSize] public leaders;
    uint256[kBoardSize] public leaderScores;
    uint256 public playerCount;

    event Moved(address indexed player, int64 x, int64 y, uint256 score);
    event NewLeader(address indexed player, uint256 score, uint256 rank);

    function join() external {
        Player storage p = players[msg.sender];
        require(p.energy == 0 && p.moves == 0, "joined");
        p.energy = 1000;
        playerCount += 1;
    }

    /// Moves the player; the score grows with the distance walked and a pseudo-random bonus.
    function move(int64 dx, int64 dy, uint256 seed) external {
        Player storage p = players[msg.sender];
        require(p.energy > 0, "energy");
        p.x += dx;
        p.y += dy;
        p.energy -= 1;
        p.moves += 1;
        uint256 bonus = uint256(keccak256(abi.encodePacked(msg.sender, p.moves, seed))) % 100;
        p.score += uint256(int256(abs(dx) + abs(dy))) * 10 + bonus;
        emit Moved(msg.sender, p.x, p.y, p.score);
    }

    /// Enters the player's score into the leaderboard if it beats the lowest entry.
    function submitScore() external {
        uint256 score = players[msg.sender].score;
        if (score <= leaderScores[kBoardSize - 1]) return;
        uint256 rank = kBoardSize - 1;
        while (rank > 0 && leaderScores[rank - 1] < score) {
            leaderScores[rank] = leaderScores[rank - 1];
            leaders[rank] = leaders[rank - 1];
            --rank;
        }
        leaderScores[rank] = score;
        leaders[rank] = msg.sender;
        emit NewLeader(msg.sender, score, rank);
    }

    function abs(int64 v) private pure returns (int64) {
        return v < 0 ? -v : v;
    }
}
